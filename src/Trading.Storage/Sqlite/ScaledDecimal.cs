using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        // Read in place rather than through decimal.GetBits: this runs six times per stored candle.
        ref readonly var parts = ref Unsafe.As<decimal, DecimalParts>(ref value);
        if (parts.High32 != 0) return false;
        var mantissa = parts.Low64;
        var scale = (parts.Flags >> 16) & 0xFF;
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
        scaled = parts.Flags < 0 ? -(long)mantissa : (long)mantissa;
        return true;
    }

    /// <summary>System.Decimal's layout (flags with sign and scale, high 32 bits, low 64 bits of the 96-bit mantissa).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct DecimalParts
    {
        public readonly int Flags;
        public readonly uint High32;
        public readonly ulong Low64;
    }

    public static decimal Decode(long scaled)
    {
        var negative = scaled < 0;
        var magnitude = negative ? (ulong)-scaled : (ulong)scaled;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, Scale);
    }
}
