using Trading.Core.Execution;

namespace Trading.Core.Backtesting;

/// <summary>The order ids ("BT-n") and fill ids ("SIM-Fn") of a backtest, kept by an engine for all its runs.</summary>
internal sealed class BacktestIds
{
    public CounterIdCache Orders { get; } = new("BT-");
    public CounterIdCache Fills { get; } = new("SIM-F");
}
