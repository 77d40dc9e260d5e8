using Npgsql;
using Shouldly;
using Trading.Core.Storage;
using Trading.Services.Hosting;
using Trading.Storage;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Cli.Tests.Commands.Service;

/// <summary>
/// A service's singleton lock on PostgreSQL is a session advisory lock, which goes when its session ends under a live
/// service (PostgreSQL restarted; here the backend is terminated, the same for the session): the service takes it back,
/// or, when another process took it first, stops with one error line instead of running beside that process.
/// </summary>
public sealed class ServiceSingletonPostgresTests(PostgresServerFixture postgres) : SimulatorCliTest, IClassFixture<PostgresServerFixture>
{
    private const string LockHolderSql =
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = 7201 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    [Fact]
    public async Task Run_LockSessionEnded_TakesTheLockBackAndKeepsRunning()
    {
        var (url, store) = await OpenAsync();
        await using var _ = store;
        await using var supervisor = await StartSupervisorAsync(url, store);
        await using var admin = await ConnectAsync(url);
        var holder = await LockHolderAsync(admin);

        await Run(admin, $"SELECT pg_terminate_backend({holder}, 30000)");
        await RunningCliWait.WhileRunningAsync(async () => await LockHolderAsync(admin) is { } again && again != holder, Timeout, Ct, supervisor);
        var second = await CliProcess.RunAsync(["service", "run", "--name", "bot-supervisor"], Env(url), Dir.Path, Ct);
        await supervisor.TerminateAsync(Ct);

        second.ExitCode.ShouldBe(1);
        second.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldStartWith("error: bot-supervisor is already running on this store");
        (await supervisor.WaitForExitAsync(Timeout, Ct)).ExitCode.ShouldBe(0, supervisor.Error);
    }

    [Fact]
    public async Task Run_LockTakenElsewhereAfterItsSessionEnded_StopsWithOneErrorLine()
    {
        var (url, store) = await OpenAsync();
        await using var _ = store;
        await using var supervisor = await StartSupervisorAsync(url, store);
        await using var other = await ConnectAsync(url);
        var holder = await LockHolderAsync(other);

        // One statement: the service's session ends and this one takes the lock before the service can look again.
        await Run(other, $"SELECT pg_terminate_backend({holder}, 30000); SELECT pg_advisory_lock(7201, hashtext('bot-supervisor'))");
        var exited = await supervisor.WaitForExitAsync(Timeout, Ct);

        exited.ExitCode.ShouldBe(1, exited.Error);
        exited.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldStartWith("error: bot-supervisor stopped: it lost its singleton lock: its PostgreSQL session ended");
        (await LockHolderAsync(other)).ShouldNotBe(holder);
    }

    private Dictionary<string, string?> Env(string url) => new(Environment) { ["DATABASE_URL"] = url };

    private async Task<(string Url, ITradingStore Store)> OpenAsync()
    {
        var url = await postgres.CreateDatabaseAsync("singleton");
        return (url, await TradingStoreFactory.OpenAsync(url, DataDir, Ct));
    }

    private async Task<RunningCli> StartSupervisorAsync(string url, ITradingStore store)
    {
        var supervisor = CliProcess.Start(["service", "run", "--name", "bot-supervisor"], Env(url), Dir.Path);
        await RunningCliWait.WhileRunningAsync(async () =>
            await new ServiceStateStore(store.SystemState).GetAsync("bot-supervisor", Ct) is { State: ServiceState.Running } s && s.Pid == supervisor.Pid, Timeout, Ct, supervisor);
        return supervisor;
    }

    private static async Task<NpgsqlConnection> ConnectAsync(string url)
    {
        var connection = new NpgsqlConnection(url);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<int?> LockHolderAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(LockHolderSql, connection);
        return await command.ExecuteScalarAsync(Ct) as int?;
    }

    private static async Task Run(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
