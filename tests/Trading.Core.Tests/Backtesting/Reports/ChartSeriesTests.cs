using Shouldly;
using Trading.Core.Backtesting.Reports;
using Trading.Core.Model;

namespace Trading.Core.Tests.Backtesting.Reports;

public class ChartSeriesTests
{
    private static Fill Fill(int minute, OrderSide side, decimal price, decimal quantity) => new()
    {
        Id = $"f{minute}{side}", OrderId = "o", Symbol = EngineCandles.Btc, Side = side, Price = price, Quantity = quantity,
        Time = DateTimeOffset.FromUnixTimeMilliseconds(EngineCandles.T0 + (minute * 60_000L)),
    };

    [Fact]
    public void Build_TenCandlesInFiveBuckets_AggregatesOhlcEquityAndDrawdown()
    {
        var candles = EngineCandles.Rising(10); // candle i: open 100+i, high 101.5+i, low 99+i, close 100.5+i
        double[] equity = [100, 110, 99, 99, 121, 121, 120, 130, 130, 65];

        var chart = ChartSeries.Build(candles, equity, 100, [], maxPoints: 5);

        chart.BucketMs.ShouldBe(120_000);
        chart.Points.Count.ShouldBe(5);
        // Bucket 1 = candles 2 and 3: open 102, high 104.5, low 101, close 103.5; equity 99 after the peak 110 → −10 %.
        chart.Points[1].ShouldBe(new ChartPoint(EngineCandles.T0 + 120_000, 102, 104.5, 101, 103.5, 99, 99.0 / 110 - 1));
        // Bucket 4 = candles 8 and 9: equity falls to 65 from the peak 130 → −50 %.
        chart.Points[4].Drawdown.ShouldBe(-0.5);
        chart.Points[4].Equity.ShouldBe(65);
    }

    [Fact]
    public void Build_FillsInOneBucket_ShareOneMarkerPerSide()
    {
        var candles = EngineCandles.Rising(10);
        var equity = Enumerable.Repeat(100.0, 10).ToArray();
        var fills = new[] { Fill(2, OrderSide.Buy, 100m, 1m), Fill(3, OrderSide.Buy, 106m, 2m), Fill(3, OrderSide.Sell, 105m, 1m), Fill(9, OrderSide.Sell, 110m, 2m) };

        var chart = ChartSeries.Build(candles, equity, 100, fills, maxPoints: 5);

        chart.Markers.Count.ShouldBe(3);
        // Two buys in bucket 1: quantity 3 at (100×1 + 106×2) / 3 = 104.
        chart.Markers[0].ShouldBe(new ChartMarker(EngineCandles.T0 + 120_000, OrderSide.Buy, 104m, 3m, 2));
        chart.Markers[1].Side.ShouldBe(OrderSide.Sell);
        chart.Markers[2].TimeMs.ShouldBe(EngineCandles.T0 + 480_000);
    }
}
