using System.Globalization;
using Trading.Core.Model;

namespace Trading.Core.Strategies;

/// <summary>
/// Deterministic signal ids: the same owner, series, candle and side always give the same id, so a replay or a restart
/// reproduces it and the order executor can derive the client order id from it.
/// </summary>
public static class SignalIds
{
    /// <summary>"{owner}:{SYMBOL}:{timeframe}:{openTimeMs}:{BUY|SELL}" where owner is the bot id, or the strategy name when there is no bot.</summary>
    public static string Create(string owner, Symbol symbol, Timeframe timeframe, long openTimeMs, OrderSide side) =>
        string.Create(CultureInfo.InvariantCulture, stackalloc char[128], $"{owner}:{symbol.Name}:{timeframe.Name}:{openTimeMs}:{(side == OrderSide.Buy ? "BUY" : "SELL")}");
}
