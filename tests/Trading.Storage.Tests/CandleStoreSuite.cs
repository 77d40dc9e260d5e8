using Shouldly;
using Trading.Core.Model;

namespace Trading.Storage.Tests;

public abstract partial class TradingStoreSuite
{
    [Fact]
    public async Task Candles_UpsertAsync_OutOfOrderBatch_ReadsBackInTimeOrder()
    {
        Candle[] bars = [Bar(2), Bar(0), Bar(1)];

        (await Store.Candles.UpsertAsync(bars, Ct)).ShouldBe(3);

        var read = await ReadAllAsync(Btc, Timeframe.M1);
        read.ShouldBe([Bar(0), Bar(1), Bar(2)]);
    }

    [Fact]
    public async Task Candles_UpsertAsync_ExistingKey_UpdatesWithoutDuplicate()
    {
        await Store.Candles.UpsertAsync([Bar(0), Bar(1)], Ct);

        await Store.Candles.UpsertAsync([Bar(1, close: 200m), Bar(2)], Ct);

        var read = await ReadAllAsync(Btc, Timeframe.M1);
        read.ShouldBe([Bar(0), Bar(1, close: 200m), Bar(2)]);
    }

    [Fact]
    public async Task Candles_UpsertAsync_SameKeyTwiceInOneBatch_LastOneWins()
    {
        await Store.Candles.UpsertAsync([Bar(0), Bar(1), Bar(0, close: 150m)], Ct);

        var read = await ReadAllAsync(Btc, Timeframe.M1);
        read.ShouldBe([Bar(0, close: 150m), Bar(1)]);
    }

    [Fact]
    public async Task Candles_UpsertAsync_LongRunWithRepeatedKeyAndPreciseValues_LastOneWinsExactly()
    {
        var precise = Bar(30) with { Open = 100.123456789m, QuoteVolume = null };
        var bars = Enumerable.Range(0, 200).Select(i => i == 30 ? precise : Bar(i)).ToList();
        bars.Insert(40, Bar(5, close: 150m));

        await Store.Candles.UpsertAsync(bars, Ct);

        var read = await ReadAllAsync(Btc, Timeframe.M1);
        read.Count.ShouldBe(200);
        read[5].ShouldBe(Bar(5, close: 150m));
        read[30].ShouldBe(precise);
        read[199].ShouldBe(Bar(199));
    }

    [Fact]
    public async Task Candles_UpsertAsync_CorruptCandleInBatch_ThrowsAndStoresNothingFromIt()
    {
        await Store.Candles.UpsertAsync([Bar(0)], Ct);
        var corrupt = Bar(3) with { High = 50m };

        await Should.ThrowAsync<InvalidCandleException>(() => Store.Candles.UpsertAsync([Bar(0, close: 300m), Bar(1), Bar(2), corrupt, Bar(4)], Ct));

        (await ReadAllAsync(Btc, Timeframe.M1)).ShouldBe([Bar(0)]);
    }

    [Fact]
    public async Task Candles_UpsertAsync_CorruptCandleAfterManyGoodOnes_StoresNothing()
    {
        var bars = Enumerable.Range(0, 250_001).Select(i => i == 250_000 ? Bar(i) with { Volume = -1m } : Bar(i));

        await Should.ThrowAsync<InvalidCandleException>(() => Store.Candles.UpsertAsync(bars, Ct));

        (await Store.Candles.ListSeriesAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Candles_UpsertAsync_SmallUpdateAfterBulkBatch_ReadsBulkRowsAndUpdate()
    {
        await Store.Candles.UpsertAsync(Enumerable.Range(0, 30_000).Select(i => Bar(i)), Ct);

        await Store.Candles.UpsertAsync([Bar(5, close: 150m), Bar(30_000)], Ct);

        var read = await ReadAllAsync(Btc, Timeframe.M1);
        read.Count.ShouldBe(30_001);
        read[5].ShouldBe(Bar(5, close: 150m));
        read[29_999].ShouldBe(Bar(29_999));
        read[^1].ShouldBe(Bar(30_000));
    }

    [Fact]
    public async Task Candles_ReadAsync_Range_IncludesFromAndExcludesTo()
    {
        await Store.Candles.UpsertAsync(Enumerable.Range(0, 10).Select(i => Bar(i)), Ct);

        var read = new List<Candle>();
        await foreach (var c in Store.Candles.ReadAsync(Btc, Timeframe.M1, Bar(3).OpenTimeMs, Bar(6).OpenTimeMs, Ct)) read.Add(c);

        read.Select(c => c.OpenTimeMs).ShouldBe([Bar(3).OpenTimeMs, Bar(4).OpenTimeMs, Bar(5).OpenTimeMs]);
    }

    [Fact]
    public async Task Candles_CountAsync_Range_CountsWhatReadReturnsPerSeries()
    {
        await Store.Candles.UpsertAsync(Enumerable.Range(0, 10).Select(i => Bar(i)).Append(Bar(4, symbol: Eth)), Ct);

        (await Store.Candles.CountAsync(Btc, Timeframe.M1, Bar(3).OpenTimeMs, Bar(6).OpenTimeMs, Ct)).ShouldBe(3);
        (await Store.Candles.CountAsync(Btc, Timeframe.M1, long.MinValue, long.MaxValue, Ct)).ShouldBe(10);
        (await Store.Candles.CountAsync(Eth, Timeframe.M1, long.MinValue, long.MaxValue, Ct)).ShouldBe(1);
        (await Store.Candles.CountAsync(Btc, Timeframe.H1, long.MinValue, long.MaxValue, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Candles_ReadAsync_LargeSeries_StreamsEveryRowInOrder()
    {
        const int count = 30_000;
        await Store.Candles.UpsertAsync(Enumerable.Range(0, count).Select(i => Bar(i, close: 100m + (i % 7))), Ct);

        long expected = T0, seen = 0;
        await foreach (var c in Store.Candles.ReadAsync(Btc, Timeframe.M1, long.MinValue, long.MaxValue, Ct))
        {
            c.OpenTimeMs.ShouldBe(expected);
            c.Close.ShouldBe(100m + (seen % 7));
            expected += 60_000;
            seen++;
        }
        seen.ShouldBe(count);
    }

    [Fact]
    public async Task Candles_ReadAsync_StopsEarly_LeavesStoreUsable()
    {
        await Store.Candles.UpsertAsync(Enumerable.Range(0, 5_000).Select(i => Bar(i)), Ct);

        await foreach (var c in Store.Candles.ReadAsync(Btc, Timeframe.M1, long.MinValue, long.MaxValue, Ct))
            if (c.OpenTimeMs >= Bar(10).OpenTimeMs) break;
        await Store.Candles.UpsertAsync([Bar(5_000)], Ct);

        (await Store.Candles.GetLatestAsync(Btc, Timeframe.M1, Ct)).ShouldBe(Bar(5_000));
    }

    [Fact]
    public async Task Candles_UpsertAsync_ValuesBeyondEightDecimalsAndMissingExtras_RoundTripExactly()
    {
        var precise = new Candle(Btc, Timeframe.M1, T0, 0.123456789012m, 0.2m, 0.1m, 0.15m, 79_228_162_514.264337593543950335m);
        var sparse = new Candle(Btc, Timeframe.M1, T0 + 60_000, 1m, 1m, 1m, 1m, 0m);

        await Store.Candles.UpsertAsync([precise, sparse], Ct);

        var read = await ReadAllAsync(Btc, Timeframe.M1);
        read.ShouldBe([precise, sparse]);
        read[1].QuoteVolume.ShouldBeNull();
        read[1].TradeCount.ShouldBeNull();
    }

    [Fact]
    public async Task Candles_GetLatestAsync_ReturnsNewestOfTheSeriesOrNull()
    {
        (await Store.Candles.GetLatestAsync(Btc, Timeframe.M1, Ct)).ShouldBeNull();
        await Store.Candles.UpsertAsync([Bar(5), Bar(9), Bar(7), Bar(20, symbol: Eth)], Ct);

        (await Store.Candles.GetLatestAsync(Btc, Timeframe.M1, Ct)).ShouldBe(Bar(9));
    }

    [Fact]
    public async Task Candles_ListSeriesAsync_ReportsEachSeriesWithCountAndBounds()
    {
        await Store.Candles.UpsertAsync([Bar(0), Bar(1), Bar(2), Bar(0, symbol: Eth), Bar(3, timeframe: Timeframe.H1)], Ct);

        var series = await Store.Candles.ListSeriesAsync(Ct);

        series.Select(s => (s.Symbol.Name, s.Timeframe.Name, s.Count, s.FirstOpenTimeMs, s.LastOpenTimeMs)).ShouldBe(
        [
            ("BTCUSDT", "1h", 1L, Bar(3, timeframe: Timeframe.H1).OpenTimeMs, Bar(3, timeframe: Timeframe.H1).OpenTimeMs),
            ("BTCUSDT", "1m", 3L, Bar(0).OpenTimeMs, Bar(2).OpenTimeMs),
            ("ETHUSDT", "1m", 1L, Bar(0).OpenTimeMs, Bar(0).OpenTimeMs),
        ]);
    }

    [Fact]
    public async Task Candles_UpsertAsync_ManySeriesInterleaved_KeepsSeriesApart()
    {
        var bars = Enumerable.Range(0, 100).SelectMany(i => new[] { Bar(i), Bar(i, close: 50m, symbol: Eth) }).ToList();

        await Store.Candles.UpsertAsync(bars, Ct);

        (await ReadAllAsync(Eth, Timeframe.M1)).ShouldBe(Enumerable.Range(0, 100).Select(i => Bar(i, close: 50m, symbol: Eth)));
        (await ReadAllAsync(Btc, Timeframe.M1)).Count.ShouldBe(100);
    }
}
