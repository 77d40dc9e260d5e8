namespace Trading.Core.Model;

/// <summary>An exchange symbol such as BTCUSDT: upper-case letters and digits only.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(SymbolJsonConverter))]
public readonly record struct Symbol
{
    private static readonly string[] KnownQuotes = ["USDT", "FDUSD", "USDC", "BUSD", "TUSD", "BTC", "ETH", "BNB", "EUR", "TRY"];

    public Symbol(string name)
    {
        if (!IsValidName(name))
            throw new ArgumentException($"Invalid symbol '{name}': expected upper-case letters and digits, e.g. BTCUSDT.", nameof(name));
        Name = name;
    }

    public string Name { get; }

    public static Symbol Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Symbol(text.Trim().ToUpperInvariant());
    }

    public static bool TryParse(string? text, out Symbol symbol)
    {
        symbol = default;
        if (text is null) return false;
        var name = text.Trim().ToUpperInvariant();
        if (!IsValidName(name)) return false;
        symbol = new Symbol(name);
        return true;
    }

    /// <summary>The quote asset by the longest known suffix, e.g. USDT for BTCUSDT.</summary>
    public string QuoteAsset
    {
        get
        {
            var name = Name;
            return KnownQuotes.FirstOrDefault(q => name.Length > q.Length && name.EndsWith(q, StringComparison.Ordinal)) ?? "USDT";
        }
    }

    public string BaseAsset => Name[..^QuoteAsset.Length];

    public override string ToString() => Name;

    private static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 20 && name.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9');
}
