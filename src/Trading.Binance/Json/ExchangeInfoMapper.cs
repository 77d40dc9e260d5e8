using Trading.Core.Model;

namespace Trading.Binance.Json;

/// <summary>Maps exchangeInfo symbols and their PRICE_FILTER, LOT_SIZE, NOTIONAL and MIN_NOTIONAL filters to the domain.</summary>
internal static class ExchangeInfoMapper
{
    public static SymbolInfo ToSymbolInfo(SymbolDto dto)
    {
        var filters = new SymbolFilters();
        foreach (var filter in dto.Filters ?? [])
        {
            filters = filter.FilterType switch
            {
                "PRICE_FILTER" => filters with
                {
                    MinPrice = BinanceDecimal.ParseOrZero(filter.MinPrice, "minPrice"),
                    MaxPrice = BinanceDecimal.ParseOrZero(filter.MaxPrice, "maxPrice"),
                    TickSize = BinanceDecimal.ParseOrZero(filter.TickSize, "tickSize"),
                },
                "LOT_SIZE" => filters with
                {
                    MinQuantity = BinanceDecimal.ParseOrZero(filter.MinQty, "minQty"),
                    MaxQuantity = BinanceDecimal.ParseOrZero(filter.MaxQty, "maxQty"),
                    StepSize = BinanceDecimal.ParseOrZero(filter.StepSize, "stepSize"),
                },
                "NOTIONAL" => filters with
                {
                    MinNotional = BinanceDecimal.ParseOrZero(filter.MinNotional, "minNotional"),
                    MaxNotional = BinanceDecimal.ParseOrZero(filter.MaxNotional, "maxNotional"),
                },
                // The legacy filter only has a minimum; NOTIONAL wins when a symbol carries both.
                "MIN_NOTIONAL" when filters.MinNotional == 0 => filters with
                {
                    MinNotional = BinanceDecimal.ParseOrZero(filter.MinNotional, "minNotional"),
                },
                _ => filters,
            };
        }
        return new SymbolInfo(Symbol.Parse(dto.Symbol), dto.BaseAsset, dto.QuoteAsset, dto.Status, filters);
    }
}
