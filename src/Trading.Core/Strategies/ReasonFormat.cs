using System.Globalization;

namespace Trading.Core.Strategies;

/// <summary>Cheap invariant formatting for signal reasons, which are built on hot paths of backtests.</summary>
public static class ReasonFormat
{
    /// <summary>The value rounded half away from zero to 2 decimals, e.g. 7.6923 → "7.69", -0.005 → "-0.01". Non-finite → "NaN".</summary>
    public static string Fixed2(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= 1e15) return value.ToString("F2", CultureInfo.InvariantCulture);
        var hundredths = (long)Math.Round(value * 100, MidpointRounding.AwayFromZero);
        var sign = hundredths < 0 ? "-" : "";
        var magnitude = Math.Abs(hundredths);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{magnitude / 100}.{magnitude % 100:D2}");
    }
}
