using Trading.Core.Model;

namespace Trading.Core.Strategies;

/// <summary>
/// An extra candle series a strategy reads besides its bot's own (symbol, timeframe).
/// A null <see cref="Symbol"/> means the bot's symbol, e.g. `new StrategyInput(null, Timeframe.H1)` for a higher timeframe.
/// </summary>
public readonly record struct StrategyInput(Symbol? Symbol, Timeframe Timeframe)
{
    public Symbol Resolve(Symbol primary) => Symbol ?? primary;
}
