namespace Trading.Core.Strategies;

/// <summary>
/// Indicator series computed once and shared by many backtest runs over the same candles. Names are the indicator's
/// lower-case name ("rsi", "sma") over the closes, with its period. Null when not available: compute it yourself.
/// </summary>
public interface IPrecomputedIndicators
{
    PrecomputedSeries? Find(string indicator, int period);
}
