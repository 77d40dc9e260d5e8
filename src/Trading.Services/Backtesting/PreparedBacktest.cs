using Trading.Core.Backtesting;
using Trading.Core.Strategies;

namespace Trading.Services.Backtesting;

/// <summary>A validated request with its configured strategy and its candles, ready to run.</summary>
public sealed record PreparedBacktest(BacktestRequest Request, StrategyBase Strategy, BacktestData Data)
{
    public BacktestSettings Settings => Request.ToSettings();
}
