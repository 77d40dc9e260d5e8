using Trading.Core.Allocation;

namespace Trading.Core.Backtesting;

/// <summary>A portfolio backtest: the account's figures over all strategies, each strategy's own, and the budget they shared.</summary>
public sealed record PortfolioBacktestResult
{
    /// <summary>The one account: equity curve, statistics and trades of the symbol's combined position.</summary>
    public required BacktestResult Total { get; init; }

    public required IReadOnlyList<StrategyFigures> Strategies { get; init; }
    public required AllocationLimits Limits { get; init; }

    /// <summary>The highest portfolio heat an entry brought the portfolio to, as a percent of the equity it was allocated against.</summary>
    public required decimal PeakHeatPct { get; init; }
}
