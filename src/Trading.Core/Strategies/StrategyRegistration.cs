namespace Trading.Core.Strategies;

/// <summary>A named strategy factory and where it came from: "built-in" or the plugin file's path.</summary>
public sealed record StrategyRegistration(string Name, string Source, string Description, Func<StrategyBase> Factory)
{
    public const string BuiltInSource = "built-in";

    public bool IsBuiltIn => Source == BuiltInSource;

    /// <summary>The first line of the description, for listings.</summary>
    public string Summary => Description.Split('\n', 2)[0].Trim();
}
