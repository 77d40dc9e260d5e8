using Trading.Core.Backtesting;
using Trading.Core.Strategies;

namespace Trading.Services.Backtesting;

/// <summary>A validated request with its configured strategy, its candles and the symbol's filters, ready to run.</summary>
public sealed record PreparedBacktest(BacktestRequest Request, StrategyBase Strategy, BacktestData Data, FilterChoice Filters, FuturesBacktestSettings? Futures = null)
{
    /// <summary>A portfolio run's strategies (two or more, <see cref="Strategy"/> the first); empty for a single run.</summary>
    public IReadOnlyList<StrategyBase> Portfolio { get; init; } = [];

    public BacktestSettings Settings => Request.ToSettings(Filters.Filters) with { Futures = Futures };
}
