namespace Trading.Services.Configuration;

/// <summary>A symbol to follow (from config/symbols.yaml) and the timeframes wanted for it.</summary>
public sealed record SymbolConfig(string Symbol, IReadOnlyList<string> Timeframes);
