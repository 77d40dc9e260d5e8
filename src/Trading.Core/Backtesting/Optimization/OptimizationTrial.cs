using Trading.Core.Backtesting.Statistics;

namespace Trading.Core.Backtesting.Optimization;

/// <summary>One parameter set's backtest and its score; <see cref="Index"/> is its place in the candidate list.</summary>
public sealed record OptimizationTrial(int Index, IReadOnlyDictionary<string, string> Parameters, BacktestStatistics Statistics, double Score);
