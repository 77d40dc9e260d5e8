namespace Trading.Core.Model;

/// <summary>
/// An exchange symbol such as BTCUSDT: upper-case letters and digits only. It stores an id into
/// <see cref="SymbolTable"/> rather than the string, so it holds no reference; equal names give equal symbols.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(SymbolJsonConverter))]
public readonly record struct Symbol
{
    private static readonly string[] KnownQuotes = ["USDT", "FDUSD", "USDC", "BUSD", "TUSD", "BTC", "ETH", "BNB", "EUR", "TRY"];

    public Symbol(string name)
    {
        if (!IsValidName(name))
            throw new ArgumentException($"Invalid symbol '{name}': expected upper-case letters and digits, e.g. BTCUSDT.", nameof(name));
        _id = SymbolTable.IdOf(name);
    }

    private readonly int _id;

    private Symbol(int id) => _id = id;

    /// <summary>The intern-table id, for compact storage inside <see cref="Candle"/>; 0 for default(Symbol).</summary>
    internal int Id => _id;

    /// <summary>The name, always the same string instance for equal symbols; null for default(Symbol).</summary>
    public string Name => SymbolTable.NameOf(_id)!;

    internal static Symbol FromId(int id) => new(id);

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

    /// <summary>The name without its quote asset; the whole name when it does not end in one (an unknown symbol such as NAN).</summary>
    public string BaseAsset
    {
        get
        {
            var (name, quote) = (Name, QuoteAsset);
            return name.Length > quote.Length && name.EndsWith(quote, StringComparison.Ordinal) ? name[..^quote.Length] : name;
        }
    }

    public override string ToString() => Name;

    private static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 20 && name.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9');
}
