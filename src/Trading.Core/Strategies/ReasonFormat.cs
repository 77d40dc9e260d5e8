namespace Trading.Core.Strategies;

/// <summary>Cheap invariant formatting for signal reasons, which are built on hot paths of backtests.</summary>
public static class ReasonFormat
{
    /// <summary>The value rounded half away from zero to 2 decimals, e.g. 7.6923 → "7.69", -0.005 → "-0.01". Non-finite → "NaN".</summary>
    public static string Fixed2(double value) => new Fixed2Number(value).ToString();
}
