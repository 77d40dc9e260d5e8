using Trading.Core.Model;

namespace Trading.Storage.Sqlite;

/// <summary>A candle's prices and volumes as exact <see cref="ScaledDecimal"/> integers, checked on those integers.</summary>
internal readonly struct ScaledCandle
{
    public readonly long Open, High, Low, Close, Volume, QuoteVolume;

    private ScaledCandle(long open, long high, long low, long close, long volume, long quoteVolume)
    {
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
        QuoteVolume = quoteVolume;
    }

    /// <summary>False when a value is not exact at eight decimals; the candle is then stored as text.</summary>
    public static bool TryEncode(in Candle c, out ScaledCandle scaled)
    {
        long quote = 0;
        var exact = ScaledDecimal.TryEncode(c.Open, out var open) & ScaledDecimal.TryEncode(c.High, out var high)
            & ScaledDecimal.TryEncode(c.Low, out var low) & ScaledDecimal.TryEncode(c.Close, out var close)
            & ScaledDecimal.TryEncode(c.Volume, out var volume) & (c.QuoteVolume is not { } q || ScaledDecimal.TryEncode(q, out quote));
        scaled = new ScaledCandle(open, high, low, close, volume, quote);
        return exact;
    }

    /// <summary>Throws like <see cref="Candle.Validate"/> when the candle is corrupt, checking exact values on the scaled integers.</summary>
    public static void Validate(in Candle c)
    {
        if (!TryEncode(c, out var scaled) || !scaled.PassesChecks(c)) c.Validate();
    }

    /// <summary>
    /// The same rules as <see cref="Candle.FindProblem"/>, on the exact integers, so it is much cheaper than comparing
    /// decimals. True means valid; false means the caller must run <see cref="Candle.Validate"/> for the reason.
    /// </summary>
    public bool PassesChecks(in Candle c) =>
        c.Symbol.Name is not null && Open > 0 && High > 0 && Low > 0 && Close > 0 && High >= Low
        && High >= Math.Max(Open, Close) && Low <= Math.Min(Open, Close) && Volume >= 0 && QuoteVolume >= 0
        && c.TradeCount.GetValueOrDefault() >= 0 && c.CloseTimeMs >= c.OpenTimeMs && c.Timeframe.IsAligned(c.OpenTimeMs);
}
