using System.Globalization;

namespace Trading.Core.Backtesting.Optimization;

/// <summary>
/// The values one parameter takes in a search, parsed from <c>name=from..to:step</c> (inclusive),
/// <c>name=a,b,c</c> or <c>name=value</c>.
/// </summary>
public sealed record ParameterRange(string Name, IReadOnlyList<decimal> Values)
{
    private const int MaxValues = 100_000;

    public static ParameterRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
            throw new FormatException($"Bad parameter '{text}': expected name=value, name=a,b,c or name=from..to:step.");
        var name = text[..eq].Trim();
        var spec = text[(eq + 1)..].Trim();
        var dots = spec.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
            return new ParameterRange(name, spec.Split(',').Select(v => Number(name, v)).ToArray());

        var colon = spec.IndexOf(':', dots);
        var from = Number(name, spec[..dots]);
        var to = Number(name, colon < 0 ? spec[(dots + 2)..] : spec[(dots + 2)..colon]);
        var step = colon < 0 ? 1m : Number(name, spec[(colon + 1)..]);
        if (step <= 0) throw new FormatException($"Bad parameter '{text}': the step must be positive.");
        if (from > to) throw new FormatException($"Bad parameter '{text}': the range starts after it ends.");
        if ((to - from) / step >= MaxValues) throw new FormatException($"Bad parameter '{text}': more than {MaxValues} values.");
        var values = new List<decimal>();
        for (var v = from; v <= to; v += step) values.Add(v);
        return new ParameterRange(name, values);
    }

    private static decimal Number(string name, string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"Bad value '{text.Trim()}' for parameter '{name}': expected a number.");
}
