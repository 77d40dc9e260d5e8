namespace Trading.Core.Backtesting.Statistics;

/// <summary>
/// The figures of one backtest. Ratios are fractions (0.05 = 5 %). Formulas are documented in
/// <see cref="StatisticsCalculator"/> and docs/backtesting.md.
/// </summary>
public sealed record BacktestStatistics
{
    public required decimal InitialBalance { get; init; }
    public required decimal FinalBalance { get; init; }
    public required double TotalReturn { get; init; }
    public required double AnnualizedReturn { get; init; }
    public required double Sharpe { get; init; }
    public required double Sortino { get; init; }
    public required double Calmar { get; init; }
    public required double MaxDrawdown { get; init; }
    public required long MaxDrawdownDurationMs { get; init; }
    public required double Exposure { get; init; }
    public required int Trades { get; init; }
    public required double WinRate { get; init; }

    /// <summary>Gross profit / gross loss; null when there is no losing trade (undefined).</summary>
    public required double? ProfitFactor { get; init; }

    public required decimal AverageWin { get; init; }
    public required decimal AverageLoss { get; init; }
    public required decimal LargestWin { get; init; }
    public required decimal LargestLoss { get; init; }
    public required long AverageHoldingMs { get; init; }
    public required decimal FeesPaid { get; init; }
    public required double BuyAndHoldReturn { get; init; }
    public required int Candles { get; init; }
}
