using Trading.Core.Model;

namespace Trading.Binance.Orders;

/// <summary>
/// Signed spot trading over REST. Placement never resends an order: an unknown outcome (timeout, 5xx, -1000/-1006/-1007)
/// is resolved by querying the client order id. Rejections of other calls throw <see cref="BinanceTradingException"/>.
/// </summary>
public interface IBinanceTradingClient
{
    /// <summary>POST /api/v3/order with newOrderRespType=FULL. Rejections and unknown outcomes are results, not exceptions.</summary>
    Task<OrderPlacement> PlaceOrderAsync(NewOrderRequest request, CancellationToken ct = default);

    /// <summary>GET /api/v3/order by origClientOrderId; null when Binance answers -2013 "Order does not exist.".</summary>
    Task<ExchangeOrder?> QueryOrderAsync(Symbol symbol, string clientOrderId, CancellationToken ct = default);

    /// <summary>GET /api/v3/order by orderId; null when the order does not exist.</summary>
    Task<ExchangeOrder?> QueryOrderAsync(Symbol symbol, long orderId, CancellationToken ct = default);

    /// <summary>DELETE /api/v3/order by origClientOrderId; -2011 "Unknown order sent." throws with Kind UnknownOrder.</summary>
    Task<ExchangeOrder> CancelOrderAsync(Symbol symbol, string clientOrderId, CancellationToken ct = default);

    /// <summary>
    /// POST /api/v3/order/cancelReplace with STOP_ON_FAILURE: cancels the open order <paramref name="cancelClientOrderId"/> and
    /// places <paramref name="replacement"/> in one request (a re-priced limit entry), never the new one when the cancel failed.
    /// Rejections and unknown outcomes are results; a lost answer is resolved by querying both orders.
    /// </summary>
    Task<CancelReplaceOutcome> CancelReplaceAsync(Symbol symbol, string cancelClientOrderId, NewOrderRequest replacement, CancellationToken ct = default);

    /// <summary>GET /api/v3/openOrders, for one symbol or (null) every symbol.</summary>
    Task<IReadOnlyList<ExchangeOrder>> GetOpenOrdersAsync(Symbol? symbol = null, CancellationToken ct = default);

    /// <summary>DELETE /api/v3/openOrders for a symbol; the cancelled orders (empty when none were open).</summary>
    Task<IReadOnlyList<ExchangeOrder>> CancelAllAsync(Symbol symbol, CancellationToken ct = default);

    /// <summary>GET /api/v3/myTrades for one order: its trades with their commissions, oldest first.</summary>
    Task<IReadOnlyList<ExchangeFill>> GetOrderTradesAsync(Symbol symbol, long orderId, CancellationToken ct = default);

    /// <summary>POST /api/v3/orderList/oco (RESULT answer). A rejection throws <see cref="BinanceTradingException"/>, a lost answer <see cref="BinanceOutcomeUnknownException"/>.</summary>
    Task<ExchangeOrderList> PlaceOcoAsync(NewOcoRequest request, CancellationToken ct = default);

    /// <summary>POST /api/v3/orderList/oto (RESULT answer); the pending order is PENDING_NEW (reported New) until the working one fills. Errors as <see cref="PlaceOcoAsync"/>.</summary>
    Task<ExchangeOrderList> PlaceOtoAsync(NewOtoRequest request, CancellationToken ct = default);

    /// <summary>POST /api/v3/orderList/otoco (RESULT answer): a working order and the OCO its fill places. Errors as <see cref="PlaceOcoAsync"/>.</summary>
    Task<ExchangeOrderList> PlaceOtocoAsync(NewOtocoRequest request, CancellationToken ct = default);

    /// <summary>GET /api/v3/openOrderList: the account's open order lists (ids only, no reports).</summary>
    Task<IReadOnlyList<ExchangeOrderList>> GetOpenOrderListsAsync(CancellationToken ct = default);

    /// <summary>DELETE /api/v3/orderList by listClientOrderId: every open leg is cancelled.</summary>
    Task<ExchangeOrderList> CancelOrderListAsync(Symbol symbol, string listClientOrderId, CancellationToken ct = default);

    /// <summary>GET /api/v3/account: balances and commission rates.</summary>
    Task<ExchangeAccount> GetAccountAsync(CancellationToken ct = default);

    /// <summary>Measures the server-clock offset from /api/v3/time; every signed timestamp uses it.</summary>
    Task<TimeSpan> SyncClockAsync(CancellationToken ct = default);
}
