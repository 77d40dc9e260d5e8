using System.Globalization;

namespace Trading.Core.Strategies;

/// <summary>
/// One typed, documented strategy parameter. Default, Min, Max and Step are what `strategy info`, the optimizer
/// and validation use; values travel as invariant-culture text ("14", "0.5", "true", "cross").
/// </summary>
public sealed record StrategyParameter
{
    public required string Name { get; init; }
    public required StrategyParameterKind Kind { get; init; }
    public required string Default { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }

    /// <summary>A sensible step for optimizer ranges; a hint, not enforced.</summary>
    public decimal? Step { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];
    public string Description { get; init; } = "";

    public static StrategyParameter Int(string name, int defaultValue, int min, int max, string description, int step = 1) =>
        new() { Name = name, Kind = StrategyParameterKind.Int, Default = Text((decimal)defaultValue), Min = min, Max = max, Step = step, Description = description };

    public static StrategyParameter Decimal(string name, decimal defaultValue, decimal min, decimal max, string description, decimal? step = null) =>
        new() { Name = name, Kind = StrategyParameterKind.Decimal, Default = Text(defaultValue), Min = min, Max = max, Step = step, Description = description };

    public static StrategyParameter Double(string name, double defaultValue, double min, double max, string description, double? step = null) =>
        new()
        {
            Name = name, Kind = StrategyParameterKind.Double, Default = Text(defaultValue), Min = (decimal)min, Max = (decimal)max,
            Step = step is { } s ? (decimal)s : null, Description = description,
        };

    public static StrategyParameter Bool(string name, bool defaultValue, string description) =>
        new() { Name = name, Kind = StrategyParameterKind.Bool, Default = defaultValue ? "true" : "false", Description = description };

    public static StrategyParameter Choice(string name, string defaultValue, IReadOnlyList<string> choices, string description) =>
        new() { Name = name, Kind = StrategyParameterKind.Choice, Default = defaultValue, Choices = choices, Description = description };

    /// <summary>"[2, 500]", "cross|level", "true|false".</summary>
    public string RangeText => Kind switch
    {
        StrategyParameterKind.Bool => "true|false",
        StrategyParameterKind.Choice => string.Join('|', Choices),
        _ => $"[{Text(Min)}, {Text(Max)}]",
    };

    /// <summary>Parses and range-checks <paramref name="raw"/>; returns the canonical text or throws with a one-line reason.</summary>
    public string Normalize(string strategy, string? raw)
    {
        var text = raw?.Trim() ?? "";
        string Fail(string why) => throw new StrategyConfigurationException($"Strategy '{strategy}': parameter '{Name}' {why}.");
        switch (Kind)
        {
            case StrategyParameterKind.Int:
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
                    return Fail($"must be an integer, got '{text}'");
                CheckRange(i, Fail);
                return Text((decimal)i);
            case StrategyParameterKind.Decimal:
                if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
                    return Fail($"must be a number, got '{text}'");
                CheckRange(m, Fail);
                return Text(m);
            case StrategyParameterKind.Double:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                    return Fail($"must be a finite number, got '{text}'");
                if ((Min is { } lo && d < (double)lo) || (Max is { } hi && d > (double)hi))
                    return Fail($"= {Text(d)} is out of range {RangeText}");
                return Text(d);
            case StrategyParameterKind.Bool:
                if (!bool.TryParse(text, out var b)) return Fail($"must be true or false, got '{text}'");
                return b ? "true" : "false";
            default:
                var choice = Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                return choice ?? Fail($"must be one of {RangeText}, got '{text}'");
        }
    }

    private void CheckRange(decimal value, Func<string, string> fail)
    {
        if ((Min is { } lo && value < lo) || (Max is { } hi && value > hi))
            fail($"= {Text(value)} is out of range {RangeText}");
    }

    internal static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
