using Shouldly;
using Trading.Core.Model;

namespace Trading.Storage.Tests;

public abstract partial class TradingStoreSuite
{
    [Fact]
    public async Task Portfolio_SavePositionAsync_SameSymbolTwice_KeepsTheLatest()
    {
        var position = new Position
        {
            Symbol = Btc, Quantity = 0.25m, AverageEntryPrice = 40_000.1m, CurrentPrice = 41_000m, RealizedPnl = -3.5m,
            FeesPaid = 0.04m, OpenedAt = Now, UpdatedAt = Now.AddMinutes(1),
        };
        await Store.Portfolio.SavePositionAsync(position with { Quantity = 1m }, Ct);
        await Store.Portfolio.SavePositionAsync(new Position { Symbol = Eth, UpdatedAt = Now }, Ct);

        await Store.Portfolio.SavePositionAsync(position, Ct);

        (await Store.Portfolio.ListPositionsAsync(Ct)).ShouldBe([position, new Position { Symbol = Eth, UpdatedAt = Now }]);
    }

    [Fact]
    public async Task Portfolio_SaveBalanceAsync_UpdatesPerAssetExactly()
    {
        await Store.Portfolio.SaveBalanceAsync("USDT", 1000m, 0m, Ct);
        await Store.Portfolio.SaveBalanceAsync("BTC", 0.00000001m, 0.5m, Ct);
        await Store.Portfolio.SaveBalanceAsync("USDT", 950.12345678m, 49.87654322m, Ct);

        var balances = await Store.Portfolio.GetBalancesAsync(Ct);

        balances.Count.ShouldBe(2);
        balances["USDT"].ShouldBe((950.12345678m, 49.87654322m));
        balances["BTC"].ShouldBe((0.00000001m, 0.5m));
    }

    [Fact]
    public async Task Portfolio_SaveHoldingsAsync_WritesBalancesAndPositionsTogether()
    {
        await Store.Portfolio.SaveBalanceAsync("USDT", 1000m, 0m, Ct);
        var position = new Position
        {
            Symbol = Btc, Quantity = 0.001m, AverageEntryPrice = 70_000.5m, CurrentPrice = 70_000m, FeesPaid = 0.07m, OpenedAt = Now, UpdatedAt = Now,
        };

        await Store.Portfolio.SaveHoldingsAsync([("USDT", 929.42950000m, 0m), ("BTC", 0.001m, 0m)], [position], Ct);

        var balances = await Store.Portfolio.GetBalancesAsync(Ct);
        balances.Count.ShouldBe(2);
        balances["USDT"].ShouldBe((929.42950000m, 0m));
        balances["BTC"].ShouldBe((0.001m, 0m));
        (await Store.Portfolio.ListPositionsAsync(Ct)).ShouldBe([position]);
    }

    [Fact]
    public async Task Portfolio_ListSnapshotsAsync_ReturnsThoseInRangeInTimeOrder()
    {
        foreach (var minutes in new[] { 3, 1, 2, 10 })
        {
            await Store.Portfolio.SaveSnapshotAsync(new PortfolioSnapshot
            {
                Time = Now.AddMinutes(minutes), Equity = 10_000m + minutes, Cash = 5_000m, PositionsValue = 5_000m + minutes,
                RealizedPnl = 1m, UnrealizedPnl = minutes, DailyPnl = 2m, Drawdown = 0.01m, BotId = "bot-1",
            }, Ct);
        }

        var snapshots = await Store.Portfolio.ListSnapshotsAsync(Now.AddMinutes(1), Now.AddMinutes(3), Ct);

        snapshots.Select(s => s.Equity).ShouldBe([10_001m, 10_002m, 10_003m]);
        snapshots[0].BotId.ShouldBe("bot-1");
    }
}
