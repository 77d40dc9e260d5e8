using System.Buffers.Binary;

namespace Trading.Storage.Postgres;

/// <summary>
/// Writes a decimal in PostgreSQL's binary <c>numeric</c> format (what <c>numeric_recv</c> reads): int16 digit count,
/// int16 weight, int16 sign, int16 display scale, then base-10000 digits, most significant first, all big-endian.
/// The display scale is the decimal's own scale, so a value reads back with the digits it was written with.
/// </summary>
internal static class PostgresNumeric
{
    /// <summary>Bytes a value can take: the 8-byte header plus at most 10 base-10000 digits (96-bit mantissa, padded scale).</summary>
    public const int MaxBytes = 8 + (2 * 10);

    private const ushort Positive = 0x0000;
    private const ushort Negative = 0x4000;
    private static readonly uint[] PadFactors = [1, 1000, 100, 10];

    /// <summary>Writes the value at the start of <paramref name="destination"/> and returns the bytes written.</summary>
    public static int Write(Span<byte> destination, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var pad = (4 - (scale & 3)) & 3;
        var fractionGroups = (scale + pad) / 4;

        // Base-10000 digits, least significant first; the padding puts the decimal point on a digit boundary.
        Span<ushort> digits = stackalloc ushort[10];
        var count = 0;
        if (bits[2] == 0)
        {
            var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            if (mantissa <= ulong.MaxValue / 1000) count = Digits(mantissa * PadFactors[scale & 3], digits);
            else count = Digits((UInt128)mantissa * PadFactors[scale & 3], digits);
        }
        else
        {
            count = Digits(new UInt128((uint)bits[2], ((ulong)(uint)bits[1] << 32) | (uint)bits[0]) * PadFactors[scale & 3], digits);
        }

        var weight = count - fractionGroups - 1;
        var lowest = 0;
        while (lowest < count && digits[lowest] == 0) lowest++;
        var written = count - lowest;
        BinaryPrimitives.WriteInt16BigEndian(destination, (short)written);
        BinaryPrimitives.WriteInt16BigEndian(destination[2..], (short)(written == 0 ? 0 : weight));
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], value < 0 ? Negative : Positive);
        BinaryPrimitives.WriteInt16BigEndian(destination[6..], (short)scale);
        var at = 8;
        for (var i = count - 1; i >= lowest; i--, at += 2) BinaryPrimitives.WriteUInt16BigEndian(destination[at..], digits[i]);
        return at;
    }

    private static int Digits(ulong mantissa, Span<ushort> digits)
    {
        var count = 0;
        while (mantissa != 0)
        {
            var quotient = mantissa / 10_000;
            digits[count++] = (ushort)(mantissa - (quotient * 10_000));
            mantissa = quotient;
        }
        return count;
    }

    private static int Digits(UInt128 mantissa, Span<ushort> digits)
    {
        var count = 0;
        while (mantissa > ulong.MaxValue)
        {
            var quotient = mantissa / 10_000;
            digits[count++] = (ushort)(ulong)(mantissa - (quotient * 10_000));
            mantissa = quotient;
        }
        return count + Digits((ulong)mantissa, digits[count..]);
    }
}
