using System.Globalization;
using System.Text.Json;
using Trading.Binance.Errors;
using Trading.Core.Futures;
using Trading.Core.Model;

namespace Trading.Binance.Futures;

/// <summary>Reads the /fapi answers (shapes of /work/shared/binance/usdm/openapi-umfutures.yaml); a missing or garbled field is a malformed answer.</summary>
internal static class FuturesJsonReader
{
    public static FuturesOrderState Order(JsonElement e) => new(
        e.GetProperty("orderId").GetInt64(), Text(e, "clientOrderId"), Sym(e), Text(e, "status"), Text(e, "type"),
        Text(e, "side") == "BUY" ? OrderSide.Buy : OrderSide.Sell, Side(Text(e, "positionSide")), e.GetProperty("reduceOnly").GetBoolean(),
        Dec(e, "origQty"), Dec(e, "executedQty"), Dec(e, "avgPrice"), Dec(e, "cumQuote"), Dec(e, "price"), Dec(e, "stopPrice"),
        e.GetProperty("updateTime").GetInt64());

    public static FuturesPositionRisk Position(JsonElement e) => new(
        Sym(e), Side(Text(e, "positionSide")), Dec(e, "positionAmt"), Dec(e, "entryPrice"), Dec(e, "markPrice"), Dec(e, "unRealizedProfit"),
        Dec(e, "liquidationPrice"), int.Parse(Text(e, "leverage"), NumberStyles.None, CultureInfo.InvariantCulture),
        Text(e, "marginType").Equals("isolated", StringComparison.OrdinalIgnoreCase), Dec(e, "isolatedMargin"), Dec(e, "notional"));

    public static FuturesAccountSummary Account(JsonElement e) => new(
        Dec(e, "totalWalletBalance"), Dec(e, "totalUnrealizedProfit"), Dec(e, "totalMarginBalance"), Dec(e, "availableBalance"),
        Dec(e, "totalPositionInitialMargin"), Dec(e, "totalMaintMargin"));

    public static FuturesBalance Balance(JsonElement e) => new(Text(e, "asset"), Dec(e, "balance"), Dec(e, "availableBalance"));

    public static FuturesMarkPrice MarkPrice(JsonElement e) => new(
        Sym(e), Dec(e, "markPrice"), Dec(e, "indexPrice"), Dec(e, "lastFundingRate"), e.GetProperty("nextFundingTime").GetInt64(), e.GetProperty("time").GetInt64());

    public static FuturesFundingRate FundingRate(JsonElement e) => new(Sym(e), e.GetProperty("fundingTime").GetInt64(), Dec(e, "fundingRate"),
        e.TryGetProperty("markPrice", out var mark) && mark.GetString() is { Length: > 0 } text ? Parse(text, "markPrice") : 0m);

    public static FuturesIncomeRow Income(JsonElement e) => new(
        new Symbol(Text(e, "symbol")), Text(e, "incomeType"), Dec(e, "income"), Text(e, "asset"), e.GetProperty("time").GetInt64(),
        e.GetProperty("tranId").GetInt64(), e.TryGetProperty("info", out var info) ? info.GetString() ?? "" : "");

    /// <summary>GET /fapi/v1/leverageBracket as Core's brackets (the platform's one table type).</summary>
    public static LeverageBrackets Brackets(JsonElement e) => new(Sym(e), e.GetProperty("brackets").EnumerateArray().Select(b => new LeverageBracket(
        b.GetProperty("bracket").GetInt32(), b.GetProperty("initialLeverage").GetInt32(), b.GetProperty("notionalFloor").GetDecimal(),
        b.GetProperty("notionalCap").GetDecimal(), b.GetProperty("maintMarginRatio").GetDecimal(), b.GetProperty("cum").GetDecimal())).ToList());

    /// <summary>A futures symbol of GET /fapi/v1/exchangeInfo with its PRICE_FILTER, LOT_SIZE and MIN_NOTIONAL, marked <see cref="MarketType.Usdm"/>.</summary>
    public static SymbolInfo Symbol(JsonElement e)
    {
        var filters = new SymbolFilters { MaxNotional = decimal.MaxValue };
        foreach (var f in e.GetProperty("filters").EnumerateArray())
        {
            filters = Text(f, "filterType") switch
            {
                "PRICE_FILTER" => filters with { MinPrice = Dec(f, "minPrice"), MaxPrice = Dec(f, "maxPrice"), TickSize = Dec(f, "tickSize") },
                "LOT_SIZE" => filters with { MinQuantity = Dec(f, "minQty"), MaxQuantity = Dec(f, "maxQty"), StepSize = Dec(f, "stepSize") },
                "MIN_NOTIONAL" => filters with { MinNotional = Dec(f, "notional") },
                _ => filters,
            };
        }
        return new SymbolInfo(Sym(e), Text(e, "baseAsset"), Text(e, "quoteAsset"), Text(e, "status"), filters) { Market = MarketType.Usdm };
    }

    public static List<T> Array<T>(byte[] body, Func<JsonElement, T> read) => Read(body, root => root.EnumerateArray().Select(read).ToList());

    public static T Read<T>(byte[] body, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return read(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new BinanceMalformedResponseException($"a /fapi answer could not be read: {ex.Message}", ex);
        }
    }

    public static PositionSide Side(string text) => text switch
    {
        "LONG" => PositionSide.Long,
        "SHORT" => PositionSide.Short,
        _ => PositionSide.Both,
    };

    private static Symbol Sym(JsonElement e) => new(Text(e, "symbol"));

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");

    private static decimal Dec(JsonElement e, string name) => Parse(Text(e, name), name);

    private static decimal Parse(string text, string name) =>
        decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value : throw new FormatException($"'{name}' is not a number: {text}");
}
