using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Trading.Core.Storage;

namespace Trading.Cli.Commands.Exchange;

/// <summary>Stored symbol filters as a table or JSON; decimals print without trailing zeros.</summary>
internal static class SymbolFilterView
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static Table Table(IEnumerable<StoredSymbolInfo> symbols)
    {
        var table = new Table().AddColumns("Symbol", "Status", "Base", "Quote", "Tick", "Min price", "Max price",
            "Step", "Min qty", "Max qty", "Min notional", "Fetched (UTC)");
        foreach (var s in symbols)
        {
            var f = s.Filters;
            table.AddRow(s.Symbol.Name, s.Info.Status, s.Info.BaseAsset, s.Info.QuoteAsset, Text(f.TickSize), Text(f.MinPrice), Text(f.MaxPrice),
                Text(f.StepSize), Text(f.MinQuantity), Text(f.MaxQuantity), Text(f.MinNotional),
                s.FetchedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }
        return table;
    }

    public static string Json(IEnumerable<StoredSymbolInfo> symbols) => JsonSerializer.Serialize(symbols.Select(s => new
    {
        symbol = s.Symbol.Name, status = s.Info.Status, baseAsset = s.Info.BaseAsset, quoteAsset = s.Info.QuoteAsset,
        tickSize = Normal(s.Filters.TickSize), minPrice = Normal(s.Filters.MinPrice), maxPrice = Normal(s.Filters.MaxPrice),
        stepSize = Normal(s.Filters.StepSize), minQty = Normal(s.Filters.MinQuantity), maxQty = Normal(s.Filters.MaxQuantity),
        minNotional = Normal(s.Filters.MinNotional), maxNotional = Normal(s.Filters.MaxNotional), fetchedAt = s.FetchedAt,
    }), JsonOptions);

    private static string Text(decimal value) => Normal(value).ToString(CultureInfo.InvariantCulture);

    private static decimal Normal(decimal value) => value / 1.000000000000000000000000000000000m;
}
