namespace Trading.Core.Data;

/// <summary>
/// Parses a timestamp field to Unix milliseconds: an epoch number whose unit is told by its magnitude
/// (seconds, milliseconds, microseconds as in Binance files from 2025 on, or nanoseconds), or an ISO-like
/// date string such as 2024-01-01T00:00:00, 2018-01-01 00:00:00.000000 UTC or 2024-01-01 00:00:00Z.
/// </summary>
public static class Utf8Timestamp
{
    private const long MicrosecondsFrom = 100_000_000_000_000; // 1e14: ms values reach this only in year 5138.
    private const long NanosecondsFrom = 100_000_000_000_000_000; // 1e17
    private const long MillisecondsFrom = 100_000_000_000; // 1e11: below this an epoch number is in seconds.

    public static bool TryParse(ReadOnlySpan<byte> field, out long unixMs)
    {
        field = Utf8Fields.Trim(field);
        unixMs = 0;
        if (field.IsEmpty) return false;
        if (field.Length > 4 && field[4] == (byte)'-') return TryParseDate(field, out unixMs);
        if (!Utf8Fields.TryLong(field, out var number) || number < 0) return false;
        unixMs = NormalizeEpoch(number);
        return true;
    }

    /// <summary>Converts an epoch number in s, ms, µs or ns (told by magnitude) to milliseconds.</summary>
    public static long NormalizeEpoch(long number) => number switch
    {
        >= NanosecondsFrom => number / 1_000_000,
        >= MicrosecondsFrom => number / 1_000,
        >= MillisecondsFrom => number,
        _ => number * 1_000,
    };

    private static bool TryParseDate(ReadOnlySpan<byte> s, out long unixMs)
    {
        unixMs = 0;
        if (s.Length < 10 || s[7] != (byte)'-') return false;
        if (!TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var month) || !TryDigits(s, 8, 2, out var day)) return false;
        int hour = 0, minute = 0, second = 0;
        long fractionMs = 0;
        var pos = 10;
        if (pos < s.Length && (s[pos] == (byte)'T' || s[pos] == (byte)' ') && pos + 6 <= s.Length && s[pos + 3] == (byte)':')
        {
            if (!TryDigits(s, pos + 1, 2, out hour) || !TryDigits(s, pos + 4, 2, out minute)) return false;
            pos += 6;
            if (pos + 3 <= s.Length && s[pos] == (byte)':')
            {
                if (!TryDigits(s, pos + 1, 2, out second)) return false;
                pos += 3;
                if (pos < s.Length && s[pos] == (byte)'.')
                {
                    pos++;
                    var scale = 100;
                    while (pos < s.Length && s[pos] is >= (byte)'0' and <= (byte)'9')
                    {
                        fractionMs += (s[pos] - '0') * scale;
                        scale /= 10;
                        pos++;
                    }
                }
            }
        }
        if (!IsUtcSuffix(s[pos..])) return false;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 1, month)) return false;
        if (year < 1970 || hour > 23 || minute > 59 || second > 59) return false;
        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks;
        unixMs = ticks / TimeSpan.TicksPerMillisecond + fractionMs;
        return true;
    }

    private static bool IsUtcSuffix(ReadOnlySpan<byte> rest)
    {
        rest = Utf8Fields.Trim(rest);
        return rest.IsEmpty || rest.SequenceEqual("Z"u8) || rest.SequenceEqual("UTC"u8) || rest.SequenceEqual("+00:00"u8);
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if (d is < 0 or > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }
}
