namespace Trading.Services.Configuration;

/// <summary>
/// A symbol to follow (from config/symbols.yaml) and the timeframes wanted for it. A disabled symbol is neither
/// collected nor traded; a positive <see cref="MinTradeSize"/> raises the symbol's minimum order quantity.
/// </summary>
public sealed record SymbolConfig(string Symbol, IReadOnlyList<string> Timeframes, bool Enabled = true, decimal MinTradeSize = 0m);
