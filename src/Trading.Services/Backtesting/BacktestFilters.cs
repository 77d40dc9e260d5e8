using System.Globalization;
using Trading.Binance.Filters;
using Trading.Core.Backtesting;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Backtesting;

/// <summary>
/// The filters of the symbol a backtest or an optimization runs, first found wins: the <c>--filters</c> override (all
/// three rules), the filters fetched into the store (<c>trading exchange info --refresh</c>), the snapshot shipped with
/// the product, or filters derived from the candles, with one warning. A partial override replaces its rules in the
/// filters found.
/// </summary>
public static class BacktestFilters
{
    public static async Task<FilterChoice> ResolveAsync(
        ISymbolFilterStore store, Symbol symbol, FilterOverride? filterOverride, ReadOnlyMemory<Candle> candles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (filterOverride is { IsComplete: true }) return new FilterChoice(filterOverride.ToFilters(), "--filters");
        var found = await FindAsync(store, symbol, candles, ct).ConfigureAwait(false);
        return filterOverride is null ? found : found with { Filters = filterOverride.ApplyTo(found.Filters), Source = $"{found.Source} with --filters" };
    }

    private static async Task<FilterChoice> FindAsync(ISymbolFilterStore store, Symbol symbol, ReadOnlyMemory<Candle> candles, CancellationToken ct)
    {
        if (await store.GetAsync(symbol, ct).ConfigureAwait(false) is { } stored)
            return new FilterChoice(stored.Filters, string.Create(CultureInfo.InvariantCulture, $"exchangeInfo fetched {stored.FetchedAt:yyyy-MM-dd HH:mm} UTC"));
        if (SpotFilterSnapshot.Find(symbol) is { } shipped) return new FilterChoice(shipped.Filters, "the shipped snapshot");
        var derived = DerivedFilters.FromCandles(candles.Span, symbol.QuoteAsset);
        return new FilterChoice(derived, "derived from the candles", string.Create(CultureInfo.InvariantCulture,
            $"warning: no exchange filters known for {symbol}; using filters derived from its candles (tick {derived.TickSize}, step {derived.StepSize}, min notional {derived.MinNotional}). Run `trading exchange info --refresh` or pass --filters to set them."));
    }
}
