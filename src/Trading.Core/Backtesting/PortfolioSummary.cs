using Trading.Core.Allocation;

namespace Trading.Core.Backtesting;

/// <summary>What a portfolio backtest's report adds to the account's statistics: each strategy's figures and the shared budget.</summary>
public sealed record PortfolioSummary(IReadOnlyList<StrategyFigures> Strategies, AllocationLimits Limits, decimal PeakHeatPct);
