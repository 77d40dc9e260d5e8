using System.Globalization;

namespace Trading.Core.Execution;

/// <summary>Deterministic ids "{prefix}{n}" built in one allocation (hot paths of backtests create one per order and fill).</summary>
public static class CounterIds
{
    public static string Format(string prefix, long number)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        Span<char> digits = stackalloc char[20];
        number.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        return string.Concat(prefix.AsSpan(), digits[..length]);
    }
}
