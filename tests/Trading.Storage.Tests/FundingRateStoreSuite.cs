using Shouldly;
using Trading.Core.Futures;

namespace Trading.Storage.Tests;

public abstract partial class TradingStoreSuite
{
    private const long EightHours = 8 * 3_600_000L;

    private static FundingSettlement Settlement(long index, decimal rate) => new(T0 + (index * EightHours), 8, rate);

    [Fact]
    public async Task FundingRates_UpsertAsync_ReadsBackEachSymbolsRangeInTimeOrderWithNegativeRates()
    {
        await Store.FundingRates.UpsertAsync(Btc, [Settlement(2, 0.0001m), Settlement(0, -0.00012345m), Settlement(1, 0.00037409m)], Ct);
        await Store.FundingRates.UpsertAsync(Eth, [Settlement(0, 0.0002m)], Ct);

        var btc = await Store.FundingRates.ReadAsync(Btc, T0, T0 + (2 * EightHours), Ct);

        btc.ShouldBe([Settlement(0, -0.00012345m), Settlement(1, 0.00037409m)]);
        (await Store.FundingRates.ListAsync(Ct)).Select(s => (s.Symbol.Name, s.Count, s.FirstTimeMs, s.LastTimeMs)).ShouldBe(
            [("BTCUSDT", 3L, T0, T0 + (2 * EightHours)), ("ETHUSDT", 1L, T0, T0)]);
    }

    [Fact]
    public async Task FundingRates_UpsertAsync_ExistingTime_UpdatesWithoutDuplicate()
    {
        await Store.FundingRates.UpsertAsync(Btc, [Settlement(0, 0.0001m), Settlement(1, 0.0001m)], Ct);

        await Store.FundingRates.UpsertAsync(Btc, [Settlement(1, -0.0003m) with { IntervalHours = 4 }], Ct);

        (await Store.FundingRates.ReadAsync(Btc, long.MinValue, long.MaxValue, Ct)).ShouldBe([Settlement(0, 0.0001m), Settlement(1, -0.0003m) with { IntervalHours = 4 }]);
    }
}
