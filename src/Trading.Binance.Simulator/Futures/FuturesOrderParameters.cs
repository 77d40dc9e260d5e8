using Trading.Binance.Simulator.Matching;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Futures;

/// <summary>Reads POST /fapi/v1/order: MARKET, LIMIT (price, timeInForce) and STOP_MARKET (stopPrice), positionSide and reduceOnly.</summary>
internal static class FuturesOrderParameters
{
    public static NewFuturesOrder Read(IReadOnlyDictionary<string, string> p, Func<string> nextClientId)
    {
        var symbol = OrderParameters.ReadSymbol(p);
        var side = OrderParameters.ReadSide(p);
        var type = OrderParameters.Required(p, "type");
        if (type is not ("MARKET" or "LIMIT" or "STOP_MARKET")) throw new SimulatorRejection(-1116, "Invalid orderType.");
        var quantity = OrderParameters.ReadDecimal(p, "quantity");
        decimal? price = null, stopPrice = null;
        var timeInForce = "GTC";
        if (type == "LIMIT")
        {
            price = OrderParameters.ReadDecimal(p, "price");
            timeInForce = OrderParameters.Required(p, "timeInForce");
            if (timeInForce is not ("GTC" or "IOC" or "FOK" or "GTX")) throw new SimulatorRejection(-1115, "Invalid timeInForce.");
        }
        else if (p.ContainsKey("price")) throw new SimulatorRejection(-1106, "Parameter 'price' sent when not required.");
        if (type == "STOP_MARKET") stopPrice = OrderParameters.ReadDecimal(p, "stopPrice");
        else if (p.ContainsKey("stopPrice")) throw new SimulatorRejection(-1106, "Parameter 'stopPrice' sent when not required.");
        var positionSide = p.GetValueOrDefault("positionSide") switch
        {
            null or "BOTH" => PositionSide.Both,
            "LONG" => PositionSide.Long,
            "SHORT" => PositionSide.Short,
            _ => throw FuturesErrors.InvalidPositionSide(),
        };
        var reduceOnly = p.GetValueOrDefault("reduceOnly") switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw new SimulatorRejection(-4062, "Invalid or improper reduceOnly value."),
        };
        if (reduceOnly && positionSide != PositionSide.Both) throw FuturesErrors.ReduceOnlyInHedgeMode();
        var clientId = p.GetValueOrDefault("newClientOrderId") ?? nextClientId();
        if (clientId.Length is 0 or > 36) throw new SimulatorRejection(-4015, "Client order id length should not be more than 36 chars");
        return new NewFuturesOrder(symbol, side, type, positionSide, quantity, price, stopPrice, timeInForce, reduceOnly, clientId);
    }

    /// <summary>PRICE_FILTER, LOT_SIZE and MIN_NOTIONAL with the futures codes; a reduce-only order is exempt from the minimum notional.</summary>
    public static void CheckFilters(NewFuturesOrder order, SymbolFilters f, decimal price)
    {
        if (order.Price is { } limit && !f.IsOnTick(limit)) throw FuturesErrors.PriceOffTick();
        if (order.StopPrice is { } stop && !f.IsOnTick(stop)) throw FuturesErrors.PriceOffTick();
        if (!f.IsOnStep(order.Quantity)) throw FuturesErrors.QuantityOffStep();
        if (order.Quantity > f.MaxQuantity) throw new SimulatorRejection(-4005, "Quantity greater than max quantity.");
        if (!order.ReduceOnly && order.Quantity * price < f.MinNotional) throw FuturesErrors.MinNotional(f.MinNotional);
    }
}
