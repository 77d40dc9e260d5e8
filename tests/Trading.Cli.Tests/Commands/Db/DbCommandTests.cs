using Shouldly;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Cli.Tests.Commands.Db;

public sealed class DbCommandTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("trading-cli-db-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_FreshSqlite_SaysNotCreatedYetAndCreatesNothing()
    {
        var result = await Trading.TestInfrastructure.CliProcess.RunAsync(["db", "status", "--data-dir", dataDir], ct: Ct);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("trading.db does not exist yet: `trading db migrate` creates it");
        File.Exists(Path.Combine(dataDir, "trading.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Migrate_TwiceOnSqlite_AppliesOnceThenReportsUpToDate()
    {
        var env = new Dictionary<string, string?> { ["TRADING_DATA_DIR"] = dataDir };

        var first = await Trading.TestInfrastructure.CliProcess.RunAsync(["db", "migrate"], env, ct: Ct);
        var second = await Trading.TestInfrastructure.CliProcess.RunAsync(["db", "migrate"], env, ct: Ct);
        var status = await Trading.TestInfrastructure.CliProcess.RunAsync(["db", "status"], env, ct: Ct);

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("applied 9 migration(s)");
        second.Output.ShouldContain("up to date");
        status.Output.ShouldContain("9 applied, 0 pending");
        File.Exists(Path.Combine(dataDir, "trading.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task Status_MigratedSqlite_StateColumnAlignedWhateverTheNameLength()
    {
        var env = new Dictionary<string, string?> { ["TRADING_DATA_DIR"] = dataDir };
        (await Trading.TestInfrastructure.CliProcess.RunAsync(["db", "migrate"], env, ct: Ct)).ExitCode.ShouldBe(0);

        var status = await Trading.TestInfrastructure.CliProcess.RunAsync(["db", "status"], env, ct: Ct);

        var rows = status.Output.Split('\n').Where(l => l.Contains(" applied 20", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(9, status.Output);
        rows.Select(r => r.IndexOf(" applied 20", StringComparison.Ordinal)).Distinct().ShouldHaveSingleItem(status.Output);
    }

    [Fact]
    public async Task Migrate_Postgres_AppliesMigrationsOnTheServer()
    {
        var url = await postgres.CreateDatabaseAsync("cli");
        var env = new Dictionary<string, string?> { ["DATABASE_URL"] = url };

        var migrate = await Trading.TestInfrastructure.CliProcess.RunAsync(["db", "migrate"], env, ct: Ct);
        var status = await Trading.TestInfrastructure.CliProcess.RunAsync(["db", "status"], env, ct: Ct);

        migrate.ExitCode.ShouldBe(0, migrate.Error);
        migrate.Output.ShouldContain($"postgresql://127.0.0.1:{postgres.Server.Port}/");
        status.Output.ShouldContain("9 applied, 0 pending");
    }

    [Theory]
    [InlineData("mysql://admin:hunter2@db/trading")]
    [InlineData("postgresql://admin:hunter2@/trading")]
    [InlineData("Host=db;Password=hunter2;NoSuchKey=1")]
    public async Task Migrate_MalformedDatabaseUrl_OneLineErrorExit2AndNothingCreated(string url)
    {
        var env = new Dictionary<string, string?> { ["DATABASE_URL"] = url, ["TRADING_DATA_DIR"] = Path.Combine(dataDir, "sub") };

        var result = await Trading.TestInfrastructure.CliProcess.RunAsync(["db", "migrate"], env, ct: Ct);

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().ShouldStartWith("error: DATABASE_URL is malformed");
        result.Error.Trim().ShouldNotContain("\n");
        result.Error.ShouldNotContain("hunter2");
        result.Output.ShouldBeEmpty();
        Directory.Exists(Path.Combine(dataDir, "sub")).ShouldBeFalse();
    }

    [Fact]
    public async Task Status_UnreachablePostgres_OneLineErrorExit1WithoutPassword()
    {
        var env = new Dictionary<string, string?> { ["DATABASE_URL"] = "postgresql://admin:hunter2@127.0.0.1:1/trading" };

        var result = await Trading.TestInfrastructure.CliProcess.RunAsync(["db", "status"], env, ct: Ct);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldStartWith("error: database postgresql://127.0.0.1:1/trading");
        result.Error.ShouldNotContain("hunter2");
    }

    public void Dispose() => Directory.Delete(dataDir, recursive: true);
}
