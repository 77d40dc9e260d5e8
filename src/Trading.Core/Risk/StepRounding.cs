namespace Trading.Core.Risk;

/// <summary>
/// Rounding to a tick or step without decimal division when the increment is a power of ten (the usual case on
/// Binance), which keeps the risk gate and the simulated venue fast. Same values as floor/ceil(value / step) × step.
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

    /// <summary>
    /// Exactly <c>Math.Floor(value / step) * step</c> for a positive step, value and scale (trailing zeros) alike,
    /// without the division when the step is a power of ten and the value has more decimals than the step.
    /// </summary>
    public static decimal FloorAsDivision(decimal value, decimal step) =>
        value.Scale > step.Scale && IsPowerOfTen(step)
            ? decimal.Round(value, step.Scale, MidpointRounding.ToNegativeInfinity)
            : Math.Floor(value / step) * step;

    /// <summary>Exactly <c>Math.Ceiling(value / step) * step</c> for a positive step, like <see cref="FloorAsDivision"/>.</summary>
    public static decimal CeilingAsDivision(decimal value, decimal step) =>
        value.Scale > step.Scale && IsPowerOfTen(step)
            ? decimal.Round(value, step.Scale, MidpointRounding.ToPositiveInfinity)
            : Math.Ceiling(value / step) * step;

    /// <summary>Whether <paramref name="value"/> % <paramref name="step"/> == 0 for a positive step, without the remainder's division in the power-of-ten case.</summary>
    public static bool IsMultiple(decimal value, decimal step)
    {
        if (!IsPowerOfTen(step)) return value % step == 0;
        return value.Scale <= step.Scale || decimal.Round(value, step.Scale, MidpointRounding.ToZero) == value;
    }

    private static bool IsPowerOfTen(decimal step) => step == PowersOfTenDown[step.Scale];

    private static decimal[] BuildPowers()
    {
        var powers = new decimal[29];
        for (var scale = 0; scale < powers.Length; scale++) powers[scale] = new decimal(1, 0, 0, false, (byte)scale);
        return powers;
    }
}
