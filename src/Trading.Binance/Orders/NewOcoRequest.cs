using Trading.Core.Model;

namespace Trading.Binance.Orders;

/// <summary>
/// POST /api/v3/orderList/oco: two orders of one side and quantity, the above and the below leg, where the first to trigger or
/// fill cancels the other. All ids are the caller's, so an unknown outcome can be looked up by them.
/// </summary>
public sealed record NewOcoRequest(Symbol Symbol, OrderSide Side, decimal Quantity, string ListClientOrderId, OcoLeg Above, OcoLeg Below)
{
    /// <summary>A long position's protection: sell at the target (LIMIT_MAKER above) or when the price falls to the stop (STOP_LOSS below).</summary>
    public static NewOcoRequest ProtectLong(Symbol symbol, decimal quantity, string listClientOrderId, decimal takeProfit, string takeProfitClientOrderId,
        decimal stopLoss, string stopLossClientOrderId) =>
        new(symbol, OrderSide.Sell, quantity, listClientOrderId,
            new OcoLeg("LIMIT_MAKER", takeProfitClientOrderId, Price: takeProfit),
            new OcoLeg("STOP_LOSS", stopLossClientOrderId, StopPrice: stopLoss));
}

/// <summary>
/// One leg: its Binance type (LIMIT_MAKER, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT, and for an OTO's
/// pending order also LIMIT or MARKET) and the prices it uses.
/// </summary>
public sealed record OcoLeg(string Type, string ClientOrderId, decimal? Price = null, decimal? StopPrice = null)
{
    /// <summary>LIMIT and the *_LIMIT legs need a time in force; GTC.</summary>
    public bool NeedsTimeInForce => Type == "LIMIT" || Type.EndsWith("_LIMIT", StringComparison.Ordinal);
}

/// <summary>An order list as Binance reports it: its orders' ids and, in placement and cancel answers, the orders themselves.</summary>
public sealed record ExchangeOrderList(long OrderListId, string ListClientOrderId, Symbol Symbol, string ListOrderStatus,
    IReadOnlyList<string> ClientOrderIds, IReadOnlyList<ExchangeOrder> Reports)
{
    public bool IsOpen => ListOrderStatus == "EXECUTING";
}
