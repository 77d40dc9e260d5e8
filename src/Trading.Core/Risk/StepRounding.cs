namespace Trading.Core.Risk;

/// <summary>
/// Rounding to a tick or step without decimal division when the increment is a power of ten (the usual case on
/// Binance), which keeps the risk gate fast. Same values as floor/ceil(value / step) × step.
/// </summary>
public static class StepRounding
{
    private static readonly decimal[] PowersOfTenDown = BuildPowers();

    public static decimal Floor(decimal value, decimal step)
    {
        if (step <= 0) return value;
        if (!IsPowerOfTen(step)) return Math.Floor(value / step) * step;
        return value.Scale <= step.Scale ? value : decimal.Round(value, step.Scale, MidpointRounding.ToNegativeInfinity);
    }

    public static decimal Ceiling(decimal value, decimal step)
    {
        if (step <= 0) return value;
        if (!IsPowerOfTen(step)) return Math.Ceiling(value / step) * step;
        return value.Scale <= step.Scale ? value : decimal.Round(value, step.Scale, MidpointRounding.ToPositiveInfinity);
    }

    private static bool IsPowerOfTen(decimal step) => step == PowersOfTenDown[step.Scale];

    private static decimal[] BuildPowers()
    {
        var powers = new decimal[29];
        for (var scale = 0; scale < powers.Length; scale++) powers[scale] = new decimal(1, 0, 0, false, (byte)scale);
        return powers;
    }
}
