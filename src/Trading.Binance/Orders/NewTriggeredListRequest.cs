using Trading.Core.Model;

namespace Trading.Binance.Orders;

/// <summary>An OTO's or OTOCO's working order: a LIMIT (or LIMIT_MAKER when <paramref name="PostOnly"/>) GTC order.</summary>
public sealed record WorkingLeg(OrderSide Side, decimal Quantity, decimal Price, string ClientOrderId, bool PostOnly = false)
{
    public string Type => PostOnly ? "LIMIT_MAKER" : "LIMIT";
}

/// <summary>POST /api/v3/orderList/oto: the working order, and one pending order placed when it has filled completely.</summary>
public sealed record NewOtoRequest(Symbol Symbol, string ListClientOrderId, WorkingLeg Working, OrderSide PendingSide, decimal PendingQuantity, OcoLeg Pending);

/// <summary>
/// POST /api/v3/orderList/otoco: the working order, and an OCO (above and below) placed when it has filled completely. All
/// ids are the caller's, so an unknown outcome can be looked up by them.
/// </summary>
public sealed record NewOtocoRequest(
    Symbol Symbol, string ListClientOrderId, WorkingLeg Working, OrderSide PendingSide, decimal PendingQuantity, OcoLeg PendingAbove, OcoLeg PendingBelow)
{
    /// <summary>
    /// A long entry that protects itself: buy at <paramref name="entryPrice"/>, then sell <paramref name="protectedQuantity"/>
    /// (what the entry leaves after its commission) at the target (LIMIT_MAKER above) or at the stop (STOP_LOSS below).
    /// </summary>
    public static NewOtocoRequest EnterLongProtected(Symbol symbol, string listClientOrderId, decimal quantity, decimal entryPrice, string entryClientOrderId,
        decimal protectedQuantity, decimal takeProfit, string takeProfitClientOrderId, decimal stopLoss, string stopLossClientOrderId) =>
        new(symbol, listClientOrderId, new WorkingLeg(OrderSide.Buy, quantity, entryPrice, entryClientOrderId), OrderSide.Sell, protectedQuantity,
            new OcoLeg("LIMIT_MAKER", takeProfitClientOrderId, Price: takeProfit), new OcoLeg("STOP_LOSS", stopLossClientOrderId, StopPrice: stopLoss));
}
