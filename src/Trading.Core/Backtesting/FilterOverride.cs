using System.Globalization;
using Trading.Core.Model;

namespace Trading.Core.Backtesting;

/// <summary>
/// The filters a user sets by hand (<c>--filters tick=0.01,step=0.0001,min_notional=5</c>). Given keys replace the
/// matching rules of whatever filters would be used otherwise; with all three the other sources are not needed.
/// </summary>
public sealed record FilterOverride(decimal? TickSize, decimal? StepSize, decimal? MinNotional)
{
    public bool IsComplete => TickSize is not null && StepSize is not null && MinNotional is not null;

    /// <summary>The filters from the override alone; only when <see cref="IsComplete"/>.</summary>
    public SymbolFilters ToFilters() => IsComplete
        ? ApplyTo(new SymbolFilters())
        : throw new InvalidOperationException("The override lacks tick, step or min_notional.");

    public SymbolFilters ApplyTo(SymbolFilters filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (TickSize is { } tick) filters = filters with { TickSize = tick, MinPrice = tick };
        if (StepSize is { } step) filters = filters with { StepSize = step, MinQuantity = step };
        if (MinNotional is { } minNotional) filters = filters with { MinNotional = minNotional };
        return filters;
    }

    /// <summary>Parses "tick=0.01,step=0.0001,min_notional=5" (any subset, any order).</summary>
    /// <exception cref="FormatException">A one-line reason naming the bad part.</exception>
    public static FilterOverride Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        decimal? tick = null, step = null, minNotional = null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.All(p => p.Length == 0)) throw Bad(text, "give tick=, step= or min_notional=, e.g. tick=0.01,step=0.0001,min_notional=5");
        foreach (var part in parts)
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw Bad(text, $"'{part}' must look like name=value");
            var key = part[..eq].Trim().ToLowerInvariant();
            var value = ParseValue(text, part, part[(eq + 1)..].Trim());
            switch (key)
            {
                case "tick" or "tick_size":
                    tick = Set(text, key, tick, Positive(text, key, value));
                    break;
                case "step" or "step_size":
                    step = Set(text, key, step, Positive(text, key, value));
                    break;
                case "min_notional":
                    minNotional = Set(text, key, minNotional, value >= 0 ? value : throw Bad(text, $"min_notional must be 0 or more, got {value}"));
                    break;
                default:
                    throw Bad(text, $"unknown filter '{key}': use tick, step or min_notional");
            }
        }
        return new FilterOverride(tick, step, minNotional);
    }

    private static decimal ParseValue(string text, string part, string value) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Bad(text, $"'{part}' needs a number");

    private static decimal Positive(string text, string key, decimal value) =>
        value > 0 ? value : throw Bad(text, $"{key} must be positive, got {value}");

    private static decimal Set(string text, string key, decimal? current, decimal value) =>
        current is null ? value : throw Bad(text, $"{key} is given twice");

    private static FormatException Bad(string text, string reason) => new($"--filters '{text}': {reason}.");
}
