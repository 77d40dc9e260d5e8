using System.Globalization;
using Shouldly;
using Trading.Core.Data;
using Trading.Core.Model;
using Trading.TestInfrastructure;

namespace Trading.Core.Tests.Data;

public class TradeCandleAggregatorTests
{
    private static readonly Symbol XrpEth = new("XRPETH");
    private static string AggTradesFile => Path.Combine(RepoPaths.SharedData, "binance-spot", "aggTrades", "XRPETH", "XRPETH-aggTrades-2019-10-11_to_2019-10-13.csv");

    [Theory]
    [InlineData("1m")]
    [InlineData("15m")]
    [InlineData("1h")]
    public void Aggregate_SharedAggTrades_MatchesIndependentGroupBy(string timeframeName)
    {
        var timeframe = Timeframe.Parse(timeframeName);
        var parser = new TradeCsvParser("XRPETH-aggTrades");
        var ticks = new List<TradeTick>();
        using (var stream = File.OpenRead(AggTradesFile)) parser.Parse(stream, ticks);
        parser.Problems.ShouldBeEmpty();
        ticks.Count.ShouldBe(12477);

        var candles = TradeCandleAggregator.Aggregate(ticks, XrpEth, timeframe);

        var expected = File.ReadLines(AggTradesFile)
            .Select(line => line.Split(','))
            .Select(f => (Price: decimal.Parse(f[1], CultureInfo.InvariantCulture), Qty: decimal.Parse(f[2], CultureInfo.InvariantCulture),
                Count: long.Parse(f[4], CultureInfo.InvariantCulture) - long.Parse(f[3], CultureInfo.InvariantCulture) + 1,
                Time: long.Parse(f[5], CultureInfo.InvariantCulture)))
            .GroupBy(t => t.Time - t.Time % timeframe.DurationMs)
            .OrderBy(g => g.Key)
            .Select(g => new Candle(XrpEth, timeframe, g.Key, g.First().Price, g.Max(t => t.Price), g.Min(t => t.Price), g.Last().Price, g.Sum(t => t.Qty))
            {
                QuoteVolume = g.Sum(t => t.Price * t.Qty),
                TradeCount = g.Sum(t => t.Count),
            })
            .ToList();
        candles.Count.ShouldBe(expected.Count);
        for (var i = 0; i < expected.Count; i++) candles[i].ShouldBe(expected[i], $"candle {i} at {expected[i].OpenTime:u}");
    }

    [Fact]
    public void Add_TradeInNextBucket_EmitsClosedCandleKeyedByOpenTime()
    {
        var closed = new List<Candle>();
        var aggregator = new TradeCandleAggregator(XrpEth, Timeframe.M1, closed.Add);
        aggregator.Add(2m, 1m, 60_000);
        aggregator.Add(3m, 1m, 119_999);
        closed.ShouldBeEmpty();
        aggregator.Add(1m, 5m, 120_000); // exactly on the boundary: belongs to [120000, 180000)
        var candle = closed.ShouldHaveSingleItem();
        candle.OpenTimeMs.ShouldBe(60_000);
        candle.CloseTimeMs.ShouldBe(119_999);
        (candle.Open, candle.High, candle.Low, candle.Close, candle.Volume).ShouldBe((2m, 3m, 2m, 3m, 2m));
        candle.LabelTimeMs(CandleLabel.Close).ShouldBe(120_000);
        aggregator.Current!.Value.OpenTimeMs.ShouldBe(120_000);
    }

    [Fact]
    public void AdvanceTo_FillEmptyBuckets_EmitsFlatZeroVolumeCandles()
    {
        var closed = new List<Candle>();
        var aggregator = new TradeCandleAggregator(XrpEth, Timeframe.M1, closed.Add, fillEmptyBuckets: true);
        aggregator.Add(2m, 1m, 0);
        aggregator.Add(4m, 1m, 180_000);
        closed.Select(c => (c.OpenTimeMs, c.Close, c.Volume)).ShouldBe([(0L, 2m, 1m), (60_000L, 2m, 0m), (120_000L, 2m, 0m)]);
    }

    [Fact]
    public void Add_LateTrade_IsCountedAndDropped()
    {
        var closed = new List<Candle>();
        var aggregator = new TradeCandleAggregator(XrpEth, Timeframe.M1, closed.Add);
        aggregator.Add(2m, 1m, 60_000);
        aggregator.Add(3m, 1m, 10_000);
        aggregator.LateTrades.ShouldBe(1);
        aggregator.Flush();
        closed.ShouldHaveSingleItem().High.ShouldBe(2m);
    }

    [Fact]
    public void Add_NonPositivePrice_Throws()
    {
        var aggregator = new TradeCandleAggregator(XrpEth, Timeframe.M1, _ => { });
        Should.Throw<ArgumentOutOfRangeException>(() => aggregator.Add(0m, 1m, 0));
    }
}
