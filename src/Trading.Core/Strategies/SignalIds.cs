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
        Create(Prefix(owner, symbol, timeframe), openTimeMs, side);

    /// <summary>The part of the id shared by every signal of one owner and series: "{owner}:{SYMBOL}:{timeframe}:".</summary>
    public static string Prefix(string owner, Symbol symbol, Timeframe timeframe) =>
        string.Create(CultureInfo.InvariantCulture, stackalloc char[128], $"{owner}:{symbol.Name}:{timeframe.Name}:");

    /// <summary>The id from a <see cref="Prefix"/>, in one allocation.</summary>
    public static string Create(string prefix, long openTimeMs, OrderSide side)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        Span<char> digits = stackalloc char[20];
        openTimeMs.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        return string.Concat(prefix.AsSpan(), digits[..length], side == OrderSide.Buy ? ":BUY" : ":SELL");
    }
}
