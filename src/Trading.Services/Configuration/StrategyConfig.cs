namespace Trading.Services.Configuration;

/// <summary>A configured strategy instance (from config/strategies.yaml).</summary>
public sealed record StrategyConfig
{
    public required string Name { get; init; }
    public bool Enabled { get; init; } = true;
    public IReadOnlyList<string> Symbols { get; init; } = [];
    public string Timeframe { get; init; } = "1m";
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The file it came from, as problems name it (e.g. config/strategies.yaml).</summary>
    public string Source { get; init; } = "strategies.yaml";
}
