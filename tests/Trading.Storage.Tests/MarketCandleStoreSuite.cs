using Shouldly;
using Trading.Core.Model;

namespace Trading.Storage.Tests;

public abstract partial class TradingStoreSuite
{
    [Fact]
    public async Task CandlesOf_SameSymbolTimeframeAndTimesInTwoMarkets_KeepsThemApart()
    {
        var usdm = Store.CandlesOf(MarketType.Usdm);
        await Store.Candles.UpsertAsync([Bar(0), Bar(1)], Ct);

        (await usdm.UpsertAsync([Bar(0, close: 90m), Bar(1, close: 91m), Bar(2, close: 92m)], Ct)).ShouldBe(3);

        (await ReadAllAsync(Btc, Timeframe.M1)).ShouldBe([Bar(0), Bar(1)]);
        var futures = new List<Candle>();
        await foreach (var candle in usdm.ReadAsync(Btc, Timeframe.M1, long.MinValue, long.MaxValue, Ct)) futures.Add(candle);
        futures.ShouldBe([Bar(0, close: 90m), Bar(1, close: 91m), Bar(2, close: 92m)]);
        (await usdm.CountAsync(Btc, Timeframe.M1, Bar(1).OpenTimeMs, long.MaxValue, Ct)).ShouldBe(2);
        (await usdm.GetLatestAsync(Btc, Timeframe.M1, Ct)).ShouldBe(Bar(2, close: 92m));
        (await Store.Candles.GetLatestAsync(Btc, Timeframe.M1, Ct)).ShouldBe(Bar(1));
    }

    [Fact]
    public async Task CandlesOf_ListSeriesAsync_ListsEachMarketsOwnSeriesWithItsMarket()
    {
        await Store.Candles.UpsertAsync([Bar(0), Bar(0, symbol: Eth)], Ct);
        await Store.CandlesOf(MarketType.Usdm).UpsertAsync([Bar(0, close: 90m), Bar(1, close: 91m)], Ct);

        var spot = await Store.CandlesOf(MarketType.Spot).ListSeriesAsync(Ct);
        var usdm = await Store.CandlesOf(MarketType.Usdm).ListSeriesAsync(Ct);

        spot.Select(s => (s.Market, s.Symbol.Name, s.Count)).ShouldBe([(MarketType.Spot, "BTCUSDT", 1L), (MarketType.Spot, "ETHUSDT", 1L)]);
        usdm.Select(s => (s.Market, s.Symbol.Name, s.Timeframe.Name, s.Count)).ShouldBe([(MarketType.Usdm, "BTCUSDT", "1m", 2L)]);
    }

    [Fact]
    public async Task CandlesOf_UsdmUpsertOverExistingKeysInABigBatch_UpdatesWithoutTouchingSpot()
    {
        var usdm = Store.CandlesOf(MarketType.Usdm);
        await Store.Candles.UpsertAsync(Enumerable.Range(0, 2000).Select(i => Bar(i)).ToList(), Ct);
        await usdm.UpsertAsync(Enumerable.Range(0, 2000).Select(i => Bar(i, close: 50m)).ToList(), Ct);

        await usdm.UpsertAsync(Enumerable.Range(1000, 2000).Select(i => Bar(i, close: 60m)).ToList(), Ct);

        (await usdm.CountAsync(Btc, Timeframe.M1, long.MinValue, long.MaxValue, Ct)).ShouldBe(3000);
        (await usdm.GetLatestAsync(Btc, Timeframe.M1, Ct)).ShouldBe(Bar(2999, close: 60m));
        (await ReadAllAsync(Btc, Timeframe.M1)).ShouldBe(Enumerable.Range(0, 2000).Select(i => Bar(i)));
    }
}
