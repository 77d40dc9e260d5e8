using System.Text.Json;
using Trading.Binance.Json;
using Trading.Core.Model;

namespace Trading.Binance.Simulator;

/// <summary>The simulator's /api/v3/exchangeInfo body, in Binance's shape.</summary>
public static class ExchangeInfoJson
{
    public static byte[] Write(long serverTimeMs, int weightLimit, IEnumerable<SymbolInfo> symbols) => SimulatorJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("timezone", "UTC");
        w.WriteNumber("serverTime", serverTimeMs);
        w.WriteStartArray("rateLimits");
        WriteRateLimit(w, "REQUEST_WEIGHT", "MINUTE", 1, weightLimit);
        WriteRateLimit(w, "ORDERS", "SECOND", 10, 50);
        WriteRateLimit(w, "ORDERS", "DAY", 1, 160_000);
        WriteRateLimit(w, "RAW_REQUESTS", "MINUTE", 5, 300_000);
        w.WriteEndArray();
        w.WriteStartArray("exchangeFilters");
        w.WriteEndArray();
        w.WriteStartArray("symbols");
        foreach (var symbol in symbols) WriteSymbol(w, symbol);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteRateLimit(Utf8JsonWriter w, string type, string interval, int intervalNum, int limit)
    {
        w.WriteStartObject();
        w.WriteString("rateLimitType", type);
        w.WriteString("interval", interval);
        w.WriteNumber("intervalNum", intervalNum);
        w.WriteNumber("limit", limit);
        w.WriteEndObject();
    }

    private static void WriteSymbol(Utf8JsonWriter w, SymbolInfo s)
    {
        w.WriteStartObject();
        w.WriteString("symbol", s.Symbol.Name);
        w.WriteString("status", s.Status);
        w.WriteString("baseAsset", s.BaseAsset);
        w.WriteNumber("baseAssetPrecision", 8);
        w.WriteString("quoteAsset", s.QuoteAsset);
        w.WriteNumber("quotePrecision", 8);
        w.WriteNumber("quoteAssetPrecision", 8);
        w.WriteNumber("baseCommissionPrecision", 8);
        w.WriteNumber("quoteCommissionPrecision", 8);
        w.WriteStartArray("orderTypes");
        foreach (var type in (string[])["LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"])
            w.WriteStringValue(type);
        w.WriteEndArray();
        foreach (var flag in (string[])["icebergAllowed", "ocoAllowed", "otoAllowed", "opoAllowed", "quoteOrderQtyMarketAllowed",
                     "allowTrailingStop", "cancelReplaceAllowed", "amendAllowed", "pegInstructionsAllowed", "isSpotTradingAllowed"])
            w.WriteBoolean(flag, true);
        w.WriteBoolean("isMarginTradingAllowed", false);
        w.WriteStartArray("filters");
        WriteFilter(w, "PRICE_FILTER", ("minPrice", s.Filters.MinPrice), ("maxPrice", s.Filters.MaxPrice), ("tickSize", s.Filters.TickSize));
        WriteFilter(w, "LOT_SIZE", ("minQty", s.Filters.MinQuantity), ("maxQty", s.Filters.MaxQuantity), ("stepSize", s.Filters.StepSize));
        w.WriteStartObject();
        w.WriteString("filterType", "NOTIONAL");
        w.WriteString("minNotional", BinanceDecimal.Format(s.Filters.MinNotional));
        w.WriteBoolean("applyMinToMarket", true);
        w.WriteString("maxNotional", BinanceDecimal.Format(s.Filters.MaxNotional));
        w.WriteBoolean("applyMaxToMarket", false);
        w.WriteNumber("avgPriceMins", 5);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("permissions");
        w.WriteEndArray();
        w.WriteStartArray("permissionSets");
        w.WriteStartArray();
        w.WriteStringValue("SPOT");
        w.WriteEndArray();
        w.WriteEndArray();
        w.WriteString("defaultSelfTradePreventionMode", "EXPIRE_MAKER");
        w.WriteStartArray("allowedSelfTradePreventionModes");
        foreach (var mode in (string[])["EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"]) w.WriteStringValue(mode);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFilter(Utf8JsonWriter w, string type, params (string Name, decimal Value)[] fields)
    {
        w.WriteStartObject();
        w.WriteString("filterType", type);
        foreach (var (name, value) in fields) w.WriteString(name, BinanceDecimal.Format(value));
        w.WriteEndObject();
    }
}
