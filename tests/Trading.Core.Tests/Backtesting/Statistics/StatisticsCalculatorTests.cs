using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Backtesting.Statistics;

namespace Trading.Core.Tests.Backtesting.Statistics;

/// <summary>Every figure below is worked out by hand in the comments, not taken from the code.</summary>
public class StatisticsCalculatorTests
{
    // A "quarter" candle: 365 days / 4 = 91.25 days, so P = 4 candles per year and 4 candles span exactly one year.
    private const long QuarterMs = 7_884_000_000;

    private static StatisticsInput Input(double[] equity, IReadOnlyList<ClosedTrade>? trades = null, long interval = QuarterMs) => new()
    {
        InitialBalance = 100m,
        FinalBalance = (decimal)equity[^1],
        Equity = equity,
        CandleIntervalMs = interval,
        CandlesInPosition = 3,
        Trades = trades ?? [],
        FeesPaid = 1.5m,
        FirstOpen = 100m,
        LastClose = 125m,
    };

    // Equity 100 → 110, 99, 99, 118.8: returns r = +0.10, −0.10, 0, +0.20.
    private static readonly double[] Curve = [110, 99, 99, 118.8];

    [Fact]
    public void Compute_HandWorkedCurve_ReturnsAndRiskMatchArithmetic()
    {
        var stats = StatisticsCalculator.Compute(Input(Curve));

        // total = 118.8 / 100 − 1 = 0.188; four quarter candles are one year, so annualised = 0.188 too.
        stats.TotalReturn.ShouldBe(0.188, 1e-12);
        stats.AnnualizedReturn.ShouldBe(0.188, 1e-12);
        // mean r = 0.2 / 4 = 0.05; deviations 0.05, −0.15, −0.05, 0.15 → squares sum 0.05; s² = 0.05 / 3.
        // Sharpe = 0.05 / √(0.05/3) × √4 = 0.05 × √60 × 2 = 0.7745966692.
        stats.Sharpe.ShouldBe(0.05 * Math.Sqrt(60) * 2, 1e-9);
        stats.Sharpe.ShouldBe(0.7745966692, 1e-9);
        // downside: only −0.10 → Σ = 0.01, / n=4 → 0.0025, d = 0.05. Sortino = 0.05 / 0.05 × √4 = 2.
        stats.Sortino.ShouldBe(2.0, 1e-9);
        // peak 110 then 99, 99: drawdown 11 / 110 = 0.10, two candles under water until 118.8.
        stats.MaxDrawdown.ShouldBe(0.10, 1e-12);
        stats.MaxDrawdownDurationMs.ShouldBe(2 * QuarterMs);
        // Calmar = 0.188 / 0.10 = 1.88.
        stats.Calmar.ShouldBe(1.88, 1e-9);
        // exposure 3 of 4 candles; buy and hold 125 / 100 − 1.
        stats.Exposure.ShouldBe(0.75);
        stats.BuyAndHoldReturn.ShouldBe(0.25, 1e-12);
        stats.FinalBalance.ShouldBe(118.8m);
        stats.FeesPaid.ShouldBe(1.5m);
        stats.Candles.ShouldBe(4);
    }

    [Fact]
    public void Annualize_TwoYearsOfDailyCandles_TakesSquareRoot()
    {
        // 730 daily candles = 2 years: (1 + 0.21)^(365/730) − 1 = √1.21 − 1 = 0.1.
        EquityCurveMetrics.Annualize(0.21, 730, 86_400_000).ShouldBe(0.1, 1e-12);
    }

    [Fact]
    public void Annualize_EverythingLost_IsMinusOne()
    {
        EquityCurveMetrics.Annualize(-1.0, 10, 60_000).ShouldBe(-1.0);
    }

    [Fact]
    public void Compute_FlatCurve_HasZeroRiskFigures()
    {
        var stats = StatisticsCalculator.Compute(Input([100, 100, 100]));
        stats.Sharpe.ShouldBe(0);
        stats.Sortino.ShouldBe(0);
        stats.MaxDrawdown.ShouldBe(0);
        stats.MaxDrawdownDurationMs.ShouldBe(0);
        stats.Calmar.ShouldBe(0);
    }

    [Fact]
    public void Drawdown_NeverRecovered_CountsToTheEnd()
    {
        // 100 → 90 (10 %), 80 (20 %), 95: three candles below the initial peak of 100.
        var (maxDrawdown, candles) = EquityCurveMetrics.Drawdown(100, [90, 80, 95]);
        maxDrawdown.ShouldBe(0.2, 1e-12);
        candles.ShouldBe(3);
    }

    [Fact]
    public void Compute_FiveTrades_TradeFiguresMatchArithmetic()
    {
        ClosedTrade Trade(decimal pnl, long minutes) => new(0, minutes * 60_000, 100m, 100m, 1m, pnl, 0.1m);
        var trades = new[] { Trade(30m, 1), Trade(-10m, 2), Trade(20m, 3), Trade(0m, 4), Trade(-5m, 5) };

        var stats = StatisticsCalculator.Compute(Input(Curve, trades));

        stats.Trades.ShouldBe(5);
        stats.WinRate.ShouldBe(0.4);                      // 2 wins of 5
        stats.ProfitFactor!.Value.ShouldBe(50.0 / 15.0, 1e-12); // (30 + 20) / (10 + 5)
        stats.AverageWin.ShouldBe(25m);                   // 50 / 2
        stats.AverageLoss.ShouldBe(-7.5m);                // −15 / 2
        stats.LargestWin.ShouldBe(30m);
        stats.LargestLoss.ShouldBe(-10m);
        stats.AverageHoldingMs.ShouldBe(180_000);         // (1+2+3+4+5) min / 5 = 3 min
    }

    [Fact]
    public void Compute_NoLosingTrade_ProfitFactorIsUndefined()
    {
        var stats = StatisticsCalculator.Compute(Input(Curve, [new ClosedTrade(0, 1, 1m, 2m, 1m, 1m, 0m)]));
        stats.ProfitFactor.ShouldBeNull();
        stats.WinRate.ShouldBe(1.0);
    }
}
