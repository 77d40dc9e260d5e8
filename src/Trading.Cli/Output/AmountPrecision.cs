using System.Globalization;
using Trading.Core.Storage;

namespace Trading.Cli.Output;

/// <summary>
/// Decimals per symbol and asset from the stored exchange filters (`trading exchange info --refresh`): prices at the tick,
/// quantities at the step, a quote asset at its symbols' tick within 2..8 decimals. Without stored filters amounts keep up to 8.
/// </summary>
internal sealed class AmountPrecision
{
    private const int Fallback = 8;

    private readonly Dictionary<string, (int Price, int Quantity)> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _assets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _quotes = new(StringComparer.Ordinal);

    public static AmountPrecision None { get; } = new([]);

    private AmountPrecision(IEnumerable<StoredSymbolInfo> symbols)
    {
        foreach (var s in symbols)
        {
            var price = Decimals(s.Filters.TickSize);
            var quantity = Decimals(s.Filters.StepSize);
            _symbols[s.Symbol.Name] = (price, quantity);
            _quotes[s.Symbol.Name] = s.Info.QuoteAsset;
            _assets[s.Info.QuoteAsset] = Math.Max(_assets.GetValueOrDefault(s.Info.QuoteAsset, 2), Math.Min(price, 8));
            _assets[s.Info.BaseAsset] = Math.Max(_assets.GetValueOrDefault(s.Info.BaseAsset), quantity);
        }
    }

    public static async Task<AmountPrecision> LoadAsync(ITradingStore store, CancellationToken ct) =>
        new(await store.SymbolFilters.ListAsync(ct));

    /// <summary>The symbol's quote asset (USDT of BTCUSDT), when its filters are stored.</summary>
    public string? QuoteAsset(string symbol) => _quotes.GetValueOrDefault(symbol);

    public decimal Price(string symbol, decimal value) => Round(value, _symbols.TryGetValue(symbol, out var d) ? d.Price : Fallback);

    public decimal Quantity(string symbol, decimal value) => Round(value, _symbols.TryGetValue(symbol, out var d) ? d.Quantity : Fallback);

    /// <summary>An amount of an asset (a balance, a value, a PnL or fee in the quote asset).</summary>
    public decimal Asset(string asset, decimal value) => Round(value, _assets.GetValueOrDefault(asset, Fallback));

    public string PriceText(string symbol, decimal value) => Text(value, _symbols.TryGetValue(symbol, out var d) ? d.Price : null);

    public string QuantityText(string symbol, decimal value) => Text(value, _symbols.TryGetValue(symbol, out var d) ? d.Quantity : null);

    public string AssetText(string asset, decimal value) => Text(value, _assets.TryGetValue(asset, out var d) ? d : null);

    /// <summary>How many decimals a tick or step has: 0.01000000 has 2.</summary>
    public static int Decimals(decimal step)
    {
        if (step <= 0) return Fallback;
        var text = step.ToString("0.############################", CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>Fixed decimals when the filters are known; else up to 8, trailing zeros trimmed.</summary>
    private static string Text(decimal value, int? decimals) => decimals is { } d
        ? Round(value, d).ToString("F" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : Round(value, Fallback).ToString("0.########", CultureInfo.InvariantCulture);
}
