using System.Buffers.Text;

namespace Trading.Core.Data;

/// <summary>Allocation-free helpers over one UTF-8 CSV line.</summary>
public static class Utf8Fields
{
    /// <summary>Splits off the next comma-separated field; false when the line is exhausted.</summary>
    public static bool Next(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> field)
    {
        if (rest.IsEmpty)
        {
            field = default;
            return false;
        }
        var comma = rest.IndexOf((byte)',');
        if (comma < 0)
        {
            field = rest;
            rest = default;
            return true;
        }
        field = rest[..comma];
        rest = rest[(comma + 1)..];
        if (rest.IsEmpty) rest = [];
        return true;
    }

    public static bool TryDecimal(ReadOnlySpan<byte> field, out decimal value)
    {
        field = Trim(field);
        if (TryPlainDecimal(field, out value)) return true;
        if (Utf8Parser.TryParse(field, out value, out var consumed) && consumed == field.Length) return true;
        // Exponent notation such as 1E-05 needs the 'E' format.
        return Utf8Parser.TryParse(field, out value, out consumed, 'E') && consumed == field.Length;
    }

    /// <summary>Fast path for the common shape [-]digits[.digits] of at most 19 characters (fits a 64-bit mantissa).</summary>
    private static bool TryPlainDecimal(ReadOnlySpan<byte> s, out decimal value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 19) return false;
        var negative = s[0] == (byte)'-';
        ulong mantissa = 0;
        var scale = -1;
        var digits = 0;
        for (var i = negative ? 1 : 0; i < s.Length; i++)
        {
            var d = (uint)(s[i] - '0');
            if (d <= 9)
            {
                mantissa = mantissa * 10 + d;
                digits++;
                if (scale >= 0) scale++;
            }
            else if (s[i] == (byte)'.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0) return false;
        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    public static bool TryLong(ReadOnlySpan<byte> field, out long value)
    {
        field = Trim(field);
        if (Utf8Parser.TryParse(field, out value, out var consumed) && consumed == field.Length) return true;
        // Some exports write counts as 123.0.
        if (TryDecimal(field, out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue)
        {
            value = (long)d;
            return true;
        }
        return false;
    }

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> field)
    {
        var start = 0;
        var end = field.Length;
        while (start < end && IsBlank(field[start])) start++;
        while (end > start && IsBlank(field[end - 1])) end--;
        if (end - start >= 2 && field[start] == (byte)'"' && field[end - 1] == (byte)'"')
        {
            start++;
            end--;
        }
        return field[start..end];
    }

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r';
}
