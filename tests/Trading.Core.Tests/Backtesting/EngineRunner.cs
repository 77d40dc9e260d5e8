using Trading.Core.Backtesting;
using Trading.Core.Model;
using Trading.Core.Strategies;

namespace Trading.Core.Tests.Backtesting;

internal static class EngineRunner
{
    public static BacktestResult Run(StrategyBase strategy, Candle[] candles, BacktestSettings settings) =>
        new BacktestEngine().Run(strategy, new BacktestData(candles), settings, ct: TestContext.Current.CancellationToken);
}
