using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Model;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;

namespace Trading.Services.Tests.Backtesting.Golden;

/// <summary>
/// Pins the statistics of the built-ins on BTCUSDT 1m, January 2023 (balance 1,000,000 USDT, fee 10 bps, slippage
/// 2 bps, 0.1 BTC per signal so no order is ever denied). Every pinned number is also reproduced by
/// <see cref="ReferenceBacktest"/>, an independent loop over the same candles, not copied from the engine.
/// </summary>
public class GoldenMasterTests
{
    private static readonly BacktestSettings Settings = new() { InitialBalance = 1_000_000m, FeeBps = 10m, SlippageBps = 2m };

    /// <summary>The pinned figures: final balance, fills, closed trades, fees, win rate, max drawdown, Sharpe, exposure.</summary>
    public static TheoryData<string, decimal, int, int, decimal, double, double, double, double> Expected => new()
    {
        { "rsi", 1_003_686.453328m, 986, 481, 1_963.288672m, 300.0 / 481, 0.0025495604757933, 4.1584732306, 0.865524193548387 },
        { "grid", 1_000_738.724999m, 30, 14, 63.240001m, 1.0, 0.0001773063719885, 6.638400515, 0.7784274193548387 },
        { "sma_crossover", 995_896.131607m, 1841, 920, 3_710.616393m, 85.0 / 920, 0.004115338432000019, -60.30831722, 0.5321236559139785 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Engine_January2023_MatchesPinnedFiguresAndIndependentLoop(
        string name, decimal final, int fills, int trades, decimal fees, double winRate, double maxDrawdown, double sharpe, double exposure)
    {
        var candles = January2023.Candles;
        candles.Length.ShouldBe(44_640);
        var (engine, reference) = Run(name, candles);
        var s = engine.Statistics;

        engine.Rejections.ShouldBeEmpty(); // the reference loop assumes no order is ever denied
        s.FinalBalance.ShouldBe(final);
        engine.Fills.Count.ShouldBe(fills);
        s.Trades.ShouldBe(trades);
        s.FeesPaid.ShouldBe(fees);
        s.WinRate.ShouldBe(winRate, 1e-12);
        s.MaxDrawdown.ShouldBe(maxDrawdown, 1e-12);
        s.Sharpe.ShouldBe(sharpe, 1e-8);
        s.Exposure.ShouldBe(exposure, 1e-12);
        s.TotalReturn.ShouldBe((double)(final / 1_000_000m) - 1, 1e-12);

        reference.FinalBalance.ShouldBe(final);
        reference.Fills.ShouldBe(fills);
        reference.TradePnls.Count.ShouldBe(trades);
        reference.Fees.ShouldBe(fees);
        reference.WinRate.ShouldBe(winRate, 1e-12);
        reference.MaxDrawdown.ShouldBe(maxDrawdown, 1e-12);
        reference.Sharpe.ShouldBe(sharpe, 1e-8);
        ((double)reference.CandlesInPosition / candles.Length).ShouldBe(exposure, 1e-12);
    }

    internal static (BacktestResult Engine, ReferenceBacktest Reference) Run(string name, Candle[] candles)
    {
        var closes = candles.Select(c => (double)c.Close).ToArray();
        var reference = new ReferenceBacktest(Settings.InitialBalance, Settings.FeeBps, Settings.SlippageBps);
        StrategyBase strategy;
        switch (name)
        {
            case "rsi":
                strategy = Create(new RsiStrategy(), ("period", "14"), ("oversold", "30"), ("overbought", "70"), ("quantity", "0.1"));
                var rsi = ReferenceIndicators.Rsi(closes, 14);
                reference.Run(candles, (i, position) =>
                {
                    if (i == 0 || double.IsNaN(rsi[i])) return null;
                    if (rsi[i] < 30 && rsi[i - 1] >= 30) return (OrderSide.Buy, 0.1m);
                    if (rsi[i] > 70 && rsi[i - 1] <= 70 && position > 0) return (OrderSide.Sell, Math.Min(0.1m, position));
                    return null;
                });
                break;
            case "grid":
                strategy = Create(new GridStrategy(), ("lower", "16000"), ("upper", "24000"), ("grid_count", "16"), ("quantity", "0.1"));
                reference.Run(candles, ReferenceGrid(candles, 16000m, 24000m, 16, 0.1m));
                break;
            default:
                strategy = Create(new SmaCrossoverStrategy(), ("fast", "10"), ("slow", "30"), ("quantity", "0.1"));
                var fast = ReferenceIndicators.Sma(closes, 10);
                var slow = ReferenceIndicators.Sma(closes, 30);
                reference.Run(candles, (i, position) =>
                {
                    if (i == 0 || double.IsNaN(slow[i - 1])) return null;
                    double d = fast[i] - slow[i], q = fast[i - 1] - slow[i - 1];
                    if (q <= 0 && d > 0) return (OrderSide.Buy, 0.1m);
                    if (q >= 0 && d < 0 && position > 0) return (OrderSide.Sell, Math.Min(0.1m, position));
                    return null;
                });
                break;
        }
        var result = new BacktestEngine().Run(strategy, new BacktestData(candles), Settings, ct: TestContext.Current.CancellationToken);
        return (result, reference);
    }

    /// <summary>The grid rules from docs: buy one lot per level crossed down (lot not held), sell when the next level up is crossed.</summary>
    private static Func<int, decimal, (OrderSide, decimal)?> ReferenceGrid(Candle[] candles, decimal lower, decimal upper, int count, decimal lot)
    {
        var levels = Enumerable.Range(0, count + 1).Select(i => lower + (i * (upper - lower) / count)).ToArray();
        var held = new bool[count];
        return (i, position) =>
        {
            if (i == 0) return null;
            decimal p = candles[i - 1].Close, c = candles[i].Close;
            var lots = 0;
            if (c < p)
            {
                for (var k = 0; k < count; k++)
                    if (p >= levels[k] && c < levels[k] && !held[k]) { held[k] = true; lots++; }
                return lots > 0 ? (OrderSide.Buy, lot * lots) : null;
            }
            if (c > p)
            {
                for (var k = 1; k <= count; k++)
                    if (p < levels[k] && c >= levels[k] && held[k - 1]) { held[k - 1] = false; lots++; }
                return lots > 0 && position > 0 ? (OrderSide.Sell, Math.Min(lot * lots, position)) : null;
            }
            return null;
        };
    }

    private static StrategyBase Create(StrategyBase strategy, params (string Name, string Value)[] values)
    {
        strategy.Configure(values.ToDictionary(v => v.Name, v => v.Value));
        return strategy;
    }
}
