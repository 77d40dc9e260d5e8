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
        var type = Required(p, "type") switch
        {
            "MARKET" => OrderType.Market,
            "LIMIT" => OrderType.Limit,
            _ => throw new SimulatorRejection(-1116, "Invalid orderType."),
        };
        var quantity = ReadDecimal(p, "quantity");
        decimal? price = null;
        var timeInForce = "GTC";
        if (type == OrderType.Limit)
        {
            price = ReadDecimal(p, "price");
            timeInForce = Required(p, "timeInForce") is "GTC" or "IOC" or "FOK" ? p["timeInForce"] : throw new SimulatorRejection(-1115, "Invalid timeInForce.");
        }
        else
        {
            if (p.ContainsKey("timeInForce")) throw new SimulatorRejection(-1106, "Parameter 'timeInForce' sent when not required.");
            if (p.ContainsKey("price")) throw new SimulatorRejection(-1106, "Parameter 'price' sent when not required.");
        }
        return new NewSimulatedOrder(symbol, side, type, quantity, price, timeInForce, p.GetValueOrDefault("newClientOrderId"));
    }

    public static Symbol ReadSymbol(IReadOnlyDictionary<string, string> p) =>
        Symbol.TryParse(Required(p, "symbol"), out var symbol) && symbol.Name == p["symbol"] ? symbol : throw SimulatorRejection.InvalidSymbol();

    public static long? ReadOrderId(IReadOnlyDictionary<string, string> p) =>
        !p.TryGetValue("orderId", out var text) ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
        : throw SimulatorRejection.Mandatory("orderId");

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
