using System.Globalization;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>Reads order parameters with Binance's codes for missing, malformed or misplaced ones.</summary>
internal static class OrderParameters
{
    public static NewSimulatedOrder ReadNewOrder(IReadOnlyDictionary<string, string> p)
    {
        var symbol = ReadSymbol(p);
        var side = ReadSide(p);
        var typeName = Required(p, "type");
        decimal? quoteOrderQty = null;
        if (typeName == "MARKET" && p.ContainsKey("quoteOrderQty"))
        {
            if (p.ContainsKey("quantity")) throw new SimulatorRejection(-1106, "Parameter 'quantity' sent when not required.");
            quoteOrderQty = ReadDecimal(p, "quoteOrderQty");
        }
        var quantity = quoteOrderQty is null ? ReadDecimal(p, "quantity") : 0m;
        return ReadTyped(p, symbol, side, quantity, typeName, OrderFieldNames.Order) with { QuoteOrderQty = quoteOrderQty };
    }

    /// <summary>POST /api/v3/order/cancelReplace: cancelReplaceMode, cancelOrderId or cancelOrigClientOrderId, and the new order's parameters.</summary>
    public static CancelReplaceRequest ReadCancelReplace(IReadOnlyDictionary<string, string> p, Func<string> cancelIds)
    {
        var allowFailure = Required(p, "cancelReplaceMode") switch
        {
            "STOP_ON_FAILURE" => false,
            "ALLOW_FAILURE" => true,
            _ => throw new SimulatorRejection(-1100, "Illegal characters found in parameter 'cancelReplaceMode'."),
        };
        var cancelOrderId = ReadLong(p, "cancelOrderId");
        var cancelClientId = p.GetValueOrDefault("cancelOrigClientOrderId");
        if (cancelOrderId is null && cancelClientId is null)
            throw new SimulatorRejection(-1102, "Param 'cancelOrigClientOrderId' or 'cancelOrderId' must be sent, but both were empty/null!");
        return new CancelReplaceRequest(cancelOrderId, cancelClientId, p.GetValueOrDefault("cancelNewClientOrderId") ?? cancelIds(), allowFailure,
            ReadNewOrder(p));
    }

    public static OrderSide ReadSide(IReadOnlyDictionary<string, string> p, string name = "side") => Required(p, name) switch
    {
        "BUY" => OrderSide.Buy,
        "SELL" => OrderSide.Sell,
        _ => throw new SimulatorRejection(-1117, "Invalid side."),
    };

    /// <summary>
    /// The type-dependent parameters of an order or of an order list's leg (<paramref name="names"/> says what they are called):
    /// price and timeInForce for the limit types, stopPrice for the stop and take-profit types, and nothing they do not use.
    /// </summary>
    public static NewSimulatedOrder ReadTyped(IReadOnlyDictionary<string, string> p, Symbol symbol, OrderSide side, decimal quantity, string typeName,
        OrderFieldNames names)
    {
        var (type, hasTimeInForce, hasStop) = typeName switch
        {
            "MARKET" => (OrderType.Market, false, false),
            "LIMIT" => (OrderType.Limit, true, false),
            "LIMIT_MAKER" => (OrderType.Limit, false, false),
            "STOP_LOSS" or "TAKE_PROFIT" => (OrderType.Market, false, true),
            "STOP_LOSS_LIMIT" or "TAKE_PROFIT_LIMIT" => (OrderType.Limit, true, true),
            _ => throw new SimulatorRejection(-1116, "Invalid orderType."),
        };
        decimal? price = type == OrderType.Limit ? ReadDecimal(p, names.Price) : NotSent<decimal?>(p, names.Price, null);
        decimal? stopPrice = hasStop ? ReadDecimal(p, names.StopPrice) : NotSent<decimal?>(p, names.StopPrice, null);
        var timeInForce = hasTimeInForce
            ? Required(p, names.TimeInForce) is "GTC" or "IOC" or "FOK" ? p[names.TimeInForce] : throw new SimulatorRejection(-1115, "Invalid timeInForce.")
            : NotSent(p, names.TimeInForce, "GTC");
        return new NewSimulatedOrder(symbol, side, type, quantity, price, timeInForce, p.GetValueOrDefault(names.ClientOrderId))
        {
            PostOnly = typeName == "LIMIT_MAKER", StopPrice = stopPrice, TypeName = typeName,
        };
    }

    private static T NotSent<T>(IReadOnlyDictionary<string, string> p, string name, T value) =>
        p.ContainsKey(name) ? throw new SimulatorRejection(-1106, $"Parameter '{name}' sent when not required.") : value;

    /// <summary>newOrderRespType: ACK, RESULT or FULL; stop and take-profit orders default to ACK, the others to FULL.</summary>
    public static string ReadResponseType(IReadOnlyDictionary<string, string> p) =>
        p.GetValueOrDefault("newOrderRespType") switch
        {
            null => p.GetValueOrDefault("type") is { } type && (type.StartsWith("STOP_LOSS", StringComparison.Ordinal) || type.StartsWith("TAKE_PROFIT", StringComparison.Ordinal)) ? "ACK" : "FULL",
            "ACK" or "RESULT" or "FULL" => p["newOrderRespType"],
            _ => throw new SimulatorRejection(-1100, "Illegal characters found in parameter 'newOrderRespType'."),
        };

    public static Symbol ReadSymbol(IReadOnlyDictionary<string, string> p) =>
        Symbol.TryParse(Required(p, "symbol"), out var symbol) && symbol.Name == p["symbol"] ? symbol : throw SimulatorRejection.InvalidSymbol();

    public static long? ReadOrderId(IReadOnlyDictionary<string, string> p) =>
        !p.TryGetValue("orderId", out var text) ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
        : throw SimulatorRejection.Mandatory("orderId");

    /// <summary>An optional whole number (orderId, fromId, startTime, endTime).</summary>
    public static long? ReadLong(IReadOnlyDictionary<string, string> p, string name) =>
        !p.TryGetValue(name, out var text) ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw SimulatorRejection.Mandatory(name);

    /// <summary>limit: default 500, at most 1000.</summary>
    public static int ReadLimit(IReadOnlyDictionary<string, string> p) => ReadLong(p, "limit") switch
    {
        null => 500,
        >= 1 and <= 1000 and var limit => (int)limit,
        _ => throw new SimulatorRejection(-1100, "Illegal characters found in parameter 'limit'; legal range is '1 to 1000'."),
    };

    public static string Required(IReadOnlyDictionary<string, string> p, string name) =>
        p.TryGetValue(name, out var value) && value.Length > 0 ? value : throw SimulatorRejection.Mandatory(name);

    public static decimal ReadDecimal(IReadOnlyDictionary<string, string> p, string name)
    {
        var text = Required(p, name);
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw SimulatorRejection.Mandatory(name);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && text.Length - dot - 1 > 8 && text[(dot + 9)..].Any(c => c != '0'))
            throw new SimulatorRejection(-1111, $"Parameter '{name}' has too much precision.");
        return value;
    }
}
