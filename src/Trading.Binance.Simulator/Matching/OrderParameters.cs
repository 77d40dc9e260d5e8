using System.Globalization;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>Reads order parameters with Binance's codes for missing, malformed or misplaced ones.</summary>
internal static class OrderParameters
{
    public static NewSimulatedOrder ReadNewOrder(IReadOnlyDictionary<string, string> p)
    {
        var symbol = ReadSymbol(p);
        var side = Required(p, "side") switch
        {
            "BUY" => OrderSide.Buy,
            "SELL" => OrderSide.Sell,
            _ => throw new SimulatorRejection(-1117, "Invalid side."),
        };
        var typeName = Required(p, "type");
        var type = typeName switch
        {
            "MARKET" => OrderType.Market,
            "LIMIT" or "LIMIT_MAKER" => OrderType.Limit,
            _ => throw new SimulatorRejection(-1116, "Invalid orderType."),
        };
        decimal? quoteOrderQty = null;
        if (type == OrderType.Market && p.ContainsKey("quoteOrderQty"))
        {
            if (p.ContainsKey("quantity")) throw new SimulatorRejection(-1106, "Parameter 'quantity' sent when not required.");
            quoteOrderQty = ReadDecimal(p, "quoteOrderQty");
        }
        var quantity = quoteOrderQty is null ? ReadDecimal(p, "quantity") : 0m;
        decimal? price = null;
        var timeInForce = "GTC";
        if (type == OrderType.Limit)
        {
            price = ReadDecimal(p, "price");
            if (typeName == "LIMIT")
                timeInForce = Required(p, "timeInForce") is "GTC" or "IOC" or "FOK" ? p["timeInForce"] : throw new SimulatorRejection(-1115, "Invalid timeInForce.");
            else if (p.ContainsKey("timeInForce")) throw new SimulatorRejection(-1106, "Parameter 'timeInForce' sent when not required.");
        }
        else
        {
            if (p.ContainsKey("timeInForce")) throw new SimulatorRejection(-1106, "Parameter 'timeInForce' sent when not required.");
            if (p.ContainsKey("price")) throw new SimulatorRejection(-1106, "Parameter 'price' sent when not required.");
        }
        return new NewSimulatedOrder(symbol, side, type, quantity, price, timeInForce, p.GetValueOrDefault("newClientOrderId"))
        {
            QuoteOrderQty = quoteOrderQty, PostOnly = typeName == "LIMIT_MAKER",
        };
    }

    /// <summary>newOrderRespType: ACK, RESULT or FULL; MARKET and LIMIT orders default to FULL.</summary>
    public static string ReadResponseType(IReadOnlyDictionary<string, string> p) =>
        p.GetValueOrDefault("newOrderRespType") switch
        {
            null => "FULL",
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

    private static string Required(IReadOnlyDictionary<string, string> p, string name) =>
        p.TryGetValue(name, out var value) && value.Length > 0 ? value : throw SimulatorRejection.Mandatory(name);

    private static decimal ReadDecimal(IReadOnlyDictionary<string, string> p, string name)
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
