using Trading.Core.Backtesting;
using Trading.Core.Backtesting.Reports;
using Trading.Core.Backtesting.Statistics;
using Trading.Core.Model;

namespace Trading.Services.Tests.Backtesting;

/// <summary>A small synthetic run (a sine-shaped price) with four fills, for report tests.</summary>
internal static class ReportSamples
{
    public const long T0 = 1_672_531_200_000; // 2023-01-01 00:00 UTC
    private static readonly Symbol Btc = new("BTCUSDT");

    /// <summary>
    /// A long run: <paramref name="candleCount"/> 1m candles whose prices are not on the 0.01 tick (as a volume-weighted
    /// average entry is not), a buy and a sell every <paramref name="fillEvery"/> candles, and tick 0.01 / step 0.00001.
    /// </summary>
    public static BacktestReport CreateLong(int candleCount, int fillEvery)
    {
        var candles = new Candle[candleCount];
        var equity = new double[candleCount];
        var fills = new List<Fill>();
        var trades = new List<ClosedTrade>();
        for (var i = 0; i < candleCount; i++)
        {
            var mid = 16_000m + (decimal)Math.Round(Math.Sin(i / 900.0) * 800, 8);
            candles[i] = Candle.Create(Btc, Timeframe.M1, T0 + i * 60_000L, mid, mid + 3.333333m, mid - 3.333333m, mid + 0.67357143m, 1m);
            equity[i] = 10_000 + Math.Sin(i / 5000.0) * 300;
            if (i % fillEvery != 0 || i + fillEvery / 2 >= candleCount) continue;
            var exit = i + fillEvery / 2;
            fills.Add(SampleFill(i, OrderSide.Buy, candles[i].Close));
            fills.Add(SampleFill(exit, OrderSide.Sell, mid));
            trades.Add(new ClosedTrade(candles[i].OpenTimeMs, T0 + exit * 60_000L, candles[i].Close, mid, 0.0012345678m, 1m, 0.01m));
        }
        return Create(candleCount) with
        {
            To = DateTimeOffset.FromUnixTimeMilliseconds(candles[^1].CloseTimeMs),
            Trades = trades,
            Chart = ChartSeries.Build(candles, equity, 10_000, fills),
            TickSize = 0.01m,
            StepSize = 0.00001m,
        };

        Fill SampleFill(int index, OrderSide side, decimal price) => new()
        {
            Id = $"f{index}{side}", OrderId = $"o{index}{side}", Symbol = Btc, Side = side, Price = price, Quantity = 0.0012345678m,
            Time = DateTimeOffset.FromUnixTimeMilliseconds(T0 + index * 60_000L),
        };
    }

    public static BacktestReport Create(int candleCount = 300)
    {
        var candles = new Candle[candleCount];
        var equity = new double[candleCount];
        for (var i = 0; i < candleCount; i++)
        {
            var mid = 20_000m + (decimal)Math.Round(Math.Sin(i / 15.0) * 500, 2);
            candles[i] = Candle.Create(Btc, Timeframe.M1, T0 + i * 60_000L, mid, mid + 20, mid - 20, mid + 5, 1m);
            equity[i] = 10_000 + Math.Sin(i / 20.0) * 300;
        }
        Fill Fill(int index, OrderSide side) => new()
        {
            Id = $"f{index}", OrderId = $"o{index}", Symbol = Btc, Side = side, Price = candles[index].Open, Quantity = 0.1m,
            Time = DateTimeOffset.FromUnixTimeMilliseconds(candles[index].OpenTimeMs),
        };
        var fills = new[] { Fill(10, OrderSide.Buy), Fill(60, OrderSide.Sell), Fill(110, OrderSide.Buy), Fill(160, OrderSide.Sell) };
        var trades = new[]
        {
            new ClosedTrade(candles[10].OpenTimeMs, candles[60].OpenTimeMs, candles[10].Open, candles[60].Open, 0.1m, 12.5m, 0.4m),
            new ClosedTrade(candles[110].OpenTimeMs, candles[160].OpenTimeMs, candles[110].Open, candles[160].Open, 0.1m, -3.25m, 0.4m),
        };
        var statistics = StatisticsCalculator.Compute(new StatisticsInput
        {
            InitialBalance = 10_000m, FinalBalance = (decimal)equity[^1], Equity = equity, CandleIntervalMs = 60_000,
            CandlesInPosition = 100, Trades = trades, FeesPaid = 0.8m, FirstOpen = candles[0].Open, LastClose = candles[^1].Close,
        });
        return new BacktestReport
        {
            RunId = "test-run",
            Strategy = "rsi",
            Symbol = "BTCUSDT",
            Timeframe = "1m",
            From = DateTimeOffset.FromUnixTimeMilliseconds(T0),
            To = DateTimeOffset.FromUnixTimeMilliseconds(candles[^1].CloseTimeMs),
            Parameters = new Dictionary<string, string> { ["period"] = "14", ["note"] = "<script>alert(1)</script>" },
            Statistics = statistics,
            Trades = trades,
            Chart = ChartSeries.Build(candles, equity, 10_000, fills),
        };
    }
}
