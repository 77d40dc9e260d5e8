using System.Text.Json;
using Trading.Binance.Errors;
using Trading.Binance.Json;
using Trading.Core.Model;

namespace Trading.Binance.Orders;

/// <summary>Reads Binance order, account and enum payloads into domain types; anything malformed throws, nothing is guessed.</summary>
internal static class BinanceOrderJson
{
    public static ExchangeOrder ReadOrder(byte[] body) => Parse(body, "order", ReadOrder);

    public static IReadOnlyList<ExchangeOrder> ReadOrders(byte[] body) => Parse(body, "order list", root =>
        root.ValueKind == JsonValueKind.Array
            ? root.EnumerateArray().Where(o => o.TryGetProperty("orderId", out _)).Select(ReadOrder).ToList()
            : throw new BinanceMalformedResponseException("Malformed Binance order list payload: not an array."));

    /// <summary>GET /api/v3/myTrades: id, price, qty, commission, commissionAsset, time, isMaker per trade.</summary>
    public static IReadOnlyList<ExchangeFill> ReadTrades(byte[] body) => Parse(body, "trade list", root =>
        root.ValueKind == JsonValueKind.Array
            ? root.EnumerateArray().Select(t => new ExchangeFill(Required(t, "id").GetInt64(), Decimal(t, "price"), Decimal(t, "qty"),
                Decimal(t, "commission"), String(t, "commissionAsset"), Required(t, "isMaker").GetBoolean())).OrderBy(t => t.TradeId).ToList()
            : throw new BinanceMalformedResponseException("Malformed Binance trade list payload: not an array."));

    public static ExchangeAccount ReadAccount(byte[] body) => Parse(body, "account", root =>
    {
        var balances = new Dictionary<string, AssetBalance>(StringComparer.Ordinal);
        foreach (var b in Required(root, "balances").EnumerateArray())
        {
            var asset = String(b, "asset");
            balances[asset] = new AssetBalance(asset, Decimal(b, "free"), Decimal(b, "locked"));
        }
        var rates = root.TryGetProperty("commissionRates", out var r) ? r : default;
        return new ExchangeAccount(
            balances,
            rates.ValueKind == JsonValueKind.Object ? Decimal(rates, "maker") : Required(root, "makerCommission").GetInt32() / 10_000m,
            rates.ValueKind == JsonValueKind.Object ? Decimal(rates, "taker") : Required(root, "takerCommission").GetInt32() / 10_000m,
            root.TryGetProperty("canTrade", out var canTrade) && canTrade.GetBoolean(),
            root.TryGetProperty("updateTime", out var updated) ? updated.GetInt64() : 0);
    });

    public static ExchangeOrder ReadOrder(JsonElement o)
    {
        var type = ParseType(String(o, "type"));
        var price = Decimal(o, "price");
        var time = o.TryGetProperty("transactTime", out var t) ? t.GetInt64() : o.TryGetProperty("time", out t) ? t.GetInt64() : 0;
        return new ExchangeOrder
        {
            Symbol = Symbol.Parse(String(o, "symbol")),
            OrderId = Required(o, "orderId").GetInt64(),
            ClientOrderId = o.TryGetProperty("origClientOrderId", out var orig) ? orig.GetString()! : String(o, "clientOrderId"),
            Side = ParseSide(String(o, "side")),
            Type = type,
            Status = ParseStatus(String(o, "status")),
            Price = type == OrderType.Market || price == 0m ? null : price,
            Quantity = Decimal(o, "origQty"),
            ExecutedQuantity = Decimal(o, "executedQty"),
            CumulativeQuoteQuantity = Decimal(o, "cummulativeQuoteQty"),
            TimeInForce = o.TryGetProperty("timeInForce", out var tif) ? tif.GetString() ?? "GTC" : "GTC",
            TimeMs = time,
            UpdateTimeMs = o.TryGetProperty("updateTime", out var u) ? u.GetInt64() : time,
            Fills = o.TryGetProperty("fills", out var fills) ? fills.EnumerateArray().Select(ReadFill).ToList() : [],
        };
    }

    public static OrderStatus ParseStatus(string status) => status switch
    {
        "NEW" or "PENDING_NEW" => OrderStatus.New,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Cancelled,
        "PENDING_CANCEL" => OrderStatus.PendingCancel,
        "REJECTED" => OrderStatus.Rejected,
        "EXPIRED" or "EXPIRED_IN_MATCH" => OrderStatus.Expired,
        _ => throw new BinanceMalformedResponseException($"Malformed Binance payload: unknown order status '{status}'."),
    };

    public static OrderSide ParseSide(string side) => side switch
    {
        "BUY" => OrderSide.Buy,
        "SELL" => OrderSide.Sell,
        _ => throw new BinanceMalformedResponseException($"Malformed Binance payload: unknown side '{side}'."),
    };

    public static OrderType ParseType(string type) => type switch
    {
        "MARKET" => OrderType.Market,
        "LIMIT" or "LIMIT_MAKER" or "STOP_LOSS_LIMIT" or "TAKE_PROFIT_LIMIT" => OrderType.Limit,
        "STOP_LOSS" or "TAKE_PROFIT" => OrderType.Market,
        _ => throw new BinanceMalformedResponseException($"Malformed Binance payload: order type '{type}' is not supported."),
    };

    public static decimal Decimal(JsonElement o, string name) => BinanceDecimal.Parse(String(o, name), name);

    public static string String(JsonElement o, string name) =>
        Required(o, name).GetString() ?? throw new BinanceMalformedResponseException($"Malformed Binance payload: '{name}' is null.");

    public static JsonElement Required(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var value)
            ? value
            : throw new BinanceMalformedResponseException($"Malformed Binance payload: '{name}' is missing.");

    private static ExchangeFill ReadFill(JsonElement f) => new(
        Required(f, "tradeId").GetInt64(), Decimal(f, "price"), Decimal(f, "qty"), Decimal(f, "commission"), String(f, "commissionAsset"));

    internal static T Parse<T>(byte[] body, string what, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return read(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new BinanceMalformedResponseException($"Malformed Binance {what} payload: {ex.Message}", ex);
        }
    }
}
