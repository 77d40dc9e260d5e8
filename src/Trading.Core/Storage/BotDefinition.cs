namespace Trading.Core.Storage;

/// <summary>A configured bot: one strategy with its parameters on a set of symbols and a timeframe.</summary>
public sealed record BotDefinition
{
    public required string Id { get; init; }
    public required string Strategy { get; init; }
    public IReadOnlyList<string> Symbols { get; init; } = [];
    public string Timeframe { get; init; } = "1m";
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
    public string Sizing { get; init; } = "fixed_quantity";
    public decimal SizingValue { get; init; }
    public bool Enabled { get; init; } = true;
    public string Status { get; init; } = "stopped";
}
