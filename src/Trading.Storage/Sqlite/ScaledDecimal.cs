namespace Trading.Storage.Sqlite;

/// <summary>
/// Exact decimal ⇄ INTEGER encoding for SQLite candle columns: value × 10^8 as a long. Values that need more than
/// eight decimals or exceed the range are not encodable and are stored as TEXT instead.
/// </summary>
internal static class ScaledDecimal
{
    public const byte Scale = 8;

    private static readonly ulong[] Powers = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    public static bool TryEncode(decimal value, out long scaled)
    {
        scaled = 0;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0) return false;
        var mantissa = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        var scale = (bits[3] >> 16) & 0xFF;
        if (scale <= Scale)
        {
            var high = Math.BigMul(mantissa, Powers[Scale - scale], out var low);
            if (high != 0 || low > long.MaxValue) return false;
            mantissa = low;
        }
        else
        {
            for (var s = scale; s > Scale; s--)
            {
                if (mantissa % 10 != 0) return false;
                mantissa /= 10;
            }
        }
        if (mantissa > long.MaxValue) return false;
        scaled = bits[3] < 0 ? -(long)mantissa : (long)mantissa;
        return true;
    }

    public static decimal Decode(long scaled)
    {
        var negative = scaled < 0;
        var magnitude = negative ? (ulong)-scaled : (ulong)scaled;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, Scale);
    }
}
