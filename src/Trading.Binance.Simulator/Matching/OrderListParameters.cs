namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// Reads the order-list placements: POST /api/v3/orderList/oco (symbol, side, quantity, each leg's type with its above…/below…
/// parameters), /oto and /otoco (working… and pending… parameters).
/// </summary>
internal static class OrderListParameters
{
    private static readonly string[] AboveTypes = ["STOP_LOSS_LIMIT", "STOP_LOSS", "LIMIT_MAKER", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"];
    private static readonly string[] BelowTypes = ["STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"];

    public static NewSimulatedOco ReadOco(IReadOnlyDictionary<string, string> p)
    {
        var symbol = OrderParameters.ReadSymbol(p);
        var side = OrderParameters.ReadSide(p);
        var quantity = OrderParameters.ReadDecimal(p, "quantity");
        var above = ReadLeg(p, "above", AboveTypes);
        var below = ReadLeg(p, "below", BelowTypes);
        return new NewSimulatedOco(p.GetValueOrDefault("listClientOrderId"),
            OrderParameters.ReadTyped(p, symbol, side, quantity, above, OrderFieldNames.Leg("above")),
            OrderParameters.ReadTyped(p, symbol, side, quantity, below, OrderFieldNames.Leg("below")));
    }

    /// <summary>POST /api/v3/orderList/oto: working… (LIMIT or LIMIT_MAKER) and pending… (any type but a quoteOrderQty MARKET).</summary>
    public static NewSimulatedTriggeredList ReadOto(IReadOnlyDictionary<string, string> p)
    {
        var (symbol, working) = ReadWorking(p);
        var side = OrderParameters.ReadSide(p, "pendingSide");
        var quantity = OrderParameters.ReadDecimal(p, "pendingQuantity");
        var pending = OrderParameters.ReadTyped(p, symbol, side, quantity, OrderParameters.Required(p, "pendingType"), OrderFieldNames.Leg("pending"));
        return new NewSimulatedTriggeredList(p.GetValueOrDefault("listClientOrderId"), working, [pending]);
    }

    /// <summary>POST /api/v3/orderList/otoco: working… and an OCO of pendingAbove… and pendingBelow… sharing pendingSide and pendingQuantity.</summary>
    public static NewSimulatedTriggeredList ReadOtoco(IReadOnlyDictionary<string, string> p)
    {
        var (symbol, working) = ReadWorking(p);
        var side = OrderParameters.ReadSide(p, "pendingSide");
        var quantity = OrderParameters.ReadDecimal(p, "pendingQuantity");
        var above = ReadLeg(p, "pendingAbove", AboveTypes);
        var below = ReadLeg(p, "pendingBelow", BelowTypes);
        return new NewSimulatedTriggeredList(p.GetValueOrDefault("listClientOrderId"), working,
        [
            OrderParameters.ReadTyped(p, symbol, side, quantity, below, OrderFieldNames.Leg("pendingBelow")),
            OrderParameters.ReadTyped(p, symbol, side, quantity, above, OrderFieldNames.Leg("pendingAbove")),
        ]);
    }

    private static (Trading.Core.Model.Symbol Symbol, NewSimulatedOrder Working) ReadWorking(IReadOnlyDictionary<string, string> p)
    {
        var symbol = OrderParameters.ReadSymbol(p);
        var type = OrderParameters.Required(p, "workingType");
        if (type is not ("LIMIT" or "LIMIT_MAKER")) throw new SimulatorRejection(-1116, "Invalid orderType.");
        var side = OrderParameters.ReadSide(p, "workingSide");
        var quantity = OrderParameters.ReadDecimal(p, "workingQuantity");
        return (symbol, OrderParameters.ReadTyped(p, symbol, side, quantity, type, OrderFieldNames.Leg("working")));
    }

    /// <summary>The order list's id: orderListId or listClientOrderId.</summary>
    public static (long? OrderListId, string? ListClientOrderId) ReadListId(IReadOnlyDictionary<string, string> p) =>
        (OrderParameters.ReadLong(p, "orderListId"), p.GetValueOrDefault("listClientOrderId"));

    private static string ReadLeg(IReadOnlyDictionary<string, string> p, string prefix, string[] allowed)
    {
        var type = OrderParameters.Required(p, $"{prefix}Type");
        return allowed.Contains(type) ? type : throw new SimulatorRejection(-1158, "Order type not supported in OCO.");
    }
}
