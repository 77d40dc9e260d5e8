namespace Trading.Binance.Simulator.Matching;

/// <summary>Reads POST /api/v3/orderList/oco: symbol, side, quantity, and each leg's type with its above…/below… parameters.</summary>
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

    /// <summary>The order list's id: orderListId or listClientOrderId.</summary>
    public static (long? OrderListId, string? ListClientOrderId) ReadListId(IReadOnlyDictionary<string, string> p) =>
        (OrderParameters.ReadLong(p, "orderListId"), p.GetValueOrDefault("listClientOrderId"));

    private static string ReadLeg(IReadOnlyDictionary<string, string> p, string prefix, string[] allowed)
    {
        var type = OrderParameters.Required(p, $"{prefix}Type");
        return allowed.Contains(type) ? type : throw new SimulatorRejection(-1158, "Order type not supported in OCO.");
    }
}
