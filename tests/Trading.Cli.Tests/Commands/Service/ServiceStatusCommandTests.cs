using Npgsql;
using Shouldly;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Cli.Tests.Commands.Service;

/// <summary>`service status` only reads: with no store (no SQLite file, or a PostgreSQL database nothing migrated) it says so and creates nothing.</summary>
public sealed class ServiceStatusCommandTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_NoSqliteStore_SaysNoStoreAndCreatesNoFile()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");

        var status = await CliProcess.RunAsync(["service", "status", "--data-dir", data], ct: Ct);
        var check = await CliProcess.RunAsync(["service", "status", "--name", "bot-supervisor", "--check", "--data-dir", data], ct: Ct);

        status.ExitCode.ShouldBe(0, status.Error);
        status.Output.ShouldStartWith("no store: ");
        check.ExitCode.ShouldBe(1);
        check.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: no store: ");
        File.Exists(Path.Combine(data, "trading.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Status_EmptyPostgresDatabase_SaysNoStoreAndCreatesNoTable()
    {
        var url = await postgres.CreateDatabaseAsync("status");
        using var dir = new TempDirectory();

        var status = await CliProcess.RunAsync(["service", "status"], new Dictionary<string, string?> { ["DATABASE_URL"] = url, ["TRADING_DATA_DIR"] = dir.Path }, ct: Ct);

        status.ExitCode.ShouldBe(0, status.Error);
        status.Output.ShouldStartWith("no store: ");
        await using var connection = new NpgsqlConnection(url);
        await connection.OpenAsync(Ct);
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        ((long)(await tables.ExecuteScalarAsync(Ct))!).ShouldBe(0);
    }
}
