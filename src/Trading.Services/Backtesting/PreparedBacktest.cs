using Trading.Core.Backtesting;
using Trading.Core.Strategies;

namespace Trading.Services.Backtesting;

/// <summary>A validated request with its configured strategy, its candles and the symbol's filters, ready to run.</summary>
public sealed record PreparedBacktest(BacktestRequest Request, StrategyBase Strategy, BacktestData Data, FilterChoice Filters, FuturesBacktestSettings? Futures = null)
{
    public BacktestSettings Settings => Request.ToSettings(Filters.Filters) with { Futures = Futures };
}
