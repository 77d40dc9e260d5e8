using Shouldly;
using Trading.Cli.Tests.Commands.Service.Parity;
using Trading.TestInfrastructure.Servers;

namespace Trading.Cli.Tests.Commands.Service;

/// <summary>
/// The distributed mode decides and trades exactly as the embedded one: the same candles, replayed by the simulator one
/// settled bar at a time, and the same bot (a plugin that signals on every candle by its position) run once in `service run`
/// (one process, SQLite, in-process bus) and once as five `service run --name` processes (PostgreSQL, redis-server) give
/// the same signals, the same orders at the exchange (side, quantity, fill price, candle) and the same stored positions.
/// </summary>
public sealed class DistributedParityTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServiceRun_SameReplayEmbeddedAndDistributed_SameSignalsOrdersAndPositions()
    {
        var embedded = await ParityRun.ReplayAsync(null, Ct);
        var distributed = await ParityRun.ReplayAsync(await postgres.CreateDatabaseAsync("parity"), Ct);

        embedded.Signals.Count.ShouldBe(ParityRun.Bars);
        embedded.Orders.Count(o => o.Contains(" Buy ", StringComparison.Ordinal)).ShouldBeGreaterThan(3);
        embedded.Orders.Count(o => o.Contains(" Sell ", StringComparison.Ordinal)).ShouldBeGreaterThan(3);
        embedded.Orders.ShouldAllBe(o => o.Contains(" FILLED ", StringComparison.Ordinal));
        distributed.Signals.ShouldBe(embedded.Signals);
        distributed.Orders.ShouldBe(embedded.Orders);
        distributed.Positions.ShouldBe(embedded.Positions);
    }
}
