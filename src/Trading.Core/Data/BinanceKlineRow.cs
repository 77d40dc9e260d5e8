using System.Buffers.Binary;
using Trading.Core.Model;

namespace Trading.Core.Data;

/// <summary>
/// The fast path for a data.binance.vision kline row in its usual shape: epoch open time, five unsigned plain decimals,
/// close time, quote volume and trade count, comma-separated without spaces or quotes (later columns are ignored).
/// It reads each field in one pass and checks the candle on exact ×10^8 integers instead of comparing decimals.
/// A row in any other shape is declined, and the general parser handles it with the same rules.
/// </summary>
public static class BinanceKlineRow
{
    private const int MaxLength = 19; // as the general parser's plain form: any 19-digit mantissa fits an unsigned 64-bit integer
    private const int ExactScale = 8;

    private static readonly ulong[] Powers = [.. Enumerable.Range(0, MaxLength + 1).Select(n => (ulong)Math.Pow(10, n))];

    /// <summary>
    /// False when the row is not in the plain shape (the caller falls back to the general parser); otherwise the parsed
    /// candle and its first problem (<see cref="Candle.FindProblem"/>'s wording), or null when it is valid.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> line, Symbol symbol, Timeframe timeframe, out Candle candle, out string? problem)
    {
        candle = default;
        problem = null;
        var at = 0;
        if (!TryInteger(line, ref at, out var openNumber) || !TryDecimal(line, ref at, out var open, out var openScaled)
            || !TryDecimal(line, ref at, out var high, out var highScaled) || !TryDecimal(line, ref at, out var low, out var lowScaled)
            || !TryDecimal(line, ref at, out var close, out var closeScaled) || !TryDecimal(line, ref at, out var volume, out _)
            || !TryInteger(line, ref at, out var closeNumber) || !TryDecimal(line, ref at, out var quote, out _)
            || !TryInteger(line, ref at, out var trades))
            return false;
        var openTime = Utf8Timestamp.NormalizeEpoch(openNumber);
        candle = new Candle(symbol, timeframe, openTime, open, high, low, close, volume)
        {
            CloseTimeMs = Utf8Timestamp.NormalizeEpoch(closeNumber),
            QuoteVolume = quote,
            TradeCount = trades,
        };
        // Volumes and the trade count are unsigned here, so only the prices and times can break a rule.
        var exact = openScaled >= 0 && highScaled >= 0 && lowScaled >= 0 && closeScaled >= 0;
        var passes = exact && symbol.Name is not null && openScaled > 0 && lowScaled > 0
            && highScaled >= Math.Max(openScaled, closeScaled) && lowScaled <= Math.Min(openScaled, closeScaled)
            && timeframe.IsAligned(openTime) && candle.CloseTimeMs >= openTime;
        if (!passes) problem = candle.FindProblem();
        return true;
    }

    /// <summary>Unsigned digits up to the next comma (or the end of the line); at most 18 so the value fits a long.</summary>
    private static bool TryInteger(ReadOnlySpan<byte> line, ref int at, out long value)
    {
        value = 0;
        var i = at;
        // Eight digits at a time while the total stays within 18 digits, then one at a time.
        while (i - at <= 10 && TryEightDigits(line, i, out var eight))
        {
            value = (value * 100_000_000) + eight;
            i += 8;
        }
        for (; i < line.Length; i++)
        {
            var d = (uint)(line[i] - '0');
            if (d > 9) break;
            value = (value * 10) + d;
        }
        if (i == at || i - at > 18 || !AtFieldEnd(line, i)) return false;
        at = i + 1;
        return true;
    }

    /// <summary>
    /// Unsigned digits with at most one point, up to the next comma (or the end), at most 19 characters as in the general
    /// parser's plain form. <paramref name="scaled"/> is the value × 10^8 when that is exact and fits a long, else −1.
    /// </summary>
    private static bool TryDecimal(ReadOnlySpan<byte> line, ref int at, out decimal value, out long scaled)
    {
        value = 0;
        scaled = -1;
        ulong whole = 0;
        var i = at;
        for (; i < line.Length; i++)
        {
            var d = (uint)(line[i] - '0');
            if (d > 9) break;
            whole = (whole * 10) + d;
        }
        var wholeDigits = i - at;
        ulong fraction = 0;
        var scale = 0;
        if (i < line.Length && line[i] == (byte)'.')
        {
            i++;
            // Binance writes eight decimals: read them as one block.
            if (TryEightDigits(line, i, out var eight) && AtFieldEnd(line, i + 8))
            {
                fraction = eight;
                scale = 8;
                i += 8;
            }
            else
            {
                for (; i < line.Length; i++)
                {
                    var d = (uint)(line[i] - '0');
                    if (d > 9) break;
                    fraction = (fraction * 10) + d;
                    scale++;
                }
            }
        }
        if (i - at > MaxLength || wholeDigits + scale == 0 || !AtFieldEnd(line, i)) return false;
        var mantissa = (whole * Powers[scale]) + fraction; // at most 19 digits in all: no overflow
        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, false, (byte)scale);
        if (scale <= ExactScale)
        {
            var high = Math.BigMul(mantissa, Powers[ExactScale - scale], out var low);
            if (high == 0 && low <= long.MaxValue) scaled = (long)low;
        }
        at = i + 1;
        return true;
    }

    /// <summary>
    /// Eight ASCII digits at <paramref name="at"/> as one number, computed on the eight bytes at once: adjacent digits
    /// are combined into pairs (×10), pairs into quadruples (×100) and those into the result (×10^4).
    /// </summary>
    private static bool TryEightDigits(ReadOnlySpan<byte> line, int at, out uint value)
    {
        value = 0;
        if (at + 8 > line.Length) return false;
        var chunk = BinaryPrimitives.ReadUInt64LittleEndian(line.Slice(at, 8));
        // Every byte is in '0'..'9' when its high nibble is 3 and adding 6 leaves the high nibble at 3.
        if (((chunk & 0xF0F0F0F0F0F0F0F0) | (((chunk + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4)) != 0x3333333333333333)
            return false;
        var digits = chunk - 0x3030303030303030; // byte k holds digit k (the first digit in the lowest byte)
        var pairs = (digits * 10) + (digits >> 8); // bytes 0, 2, 4, 6 hold two-digit numbers
        var quads = ((pairs & 0x000000FF000000FF) * (100 + (1_000_000UL << 32)))
            + (((pairs >> 16) & 0x000000FF000000FF) * (1 + (10_000UL << 32)));
        value = (uint)(quads >> 32);
        return true;
    }

    private static bool AtFieldEnd(ReadOnlySpan<byte> line, int i) => i == line.Length || line[i] == (byte)',';
}
