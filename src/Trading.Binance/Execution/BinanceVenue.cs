using Trading.Binance.Errors;
using Trading.Binance.Orders;
using Trading.Binance.UserData;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Binance.Execution;

/// <summary>
/// Binance (testnet or live) over the signed REST client. Orders carry the executor's client order id, so an unknown
/// outcome is looked up by that id and never resent. Exchange answers become transitions via <see cref="ExchangeOrderUpdates"/>.
/// Binance keeps its own account: <see cref="Account"/> reads it, and its user data stream becomes <see cref="Events"/>.
/// </summary>
public sealed partial class BinanceVenue(IBinanceTradingClient client, TimeProvider time, string name = "binance") : IExecutionVenue, IVenueAccount, IProtectiveOrderVenue,
    IOrderReplacingVenue
{
    /// <summary>How long after sending an order "not found" still may mean "not arrived yet" (Binance's default recvWindow).</summary>
    public TimeSpan NotFoundGrace { get; init; } = TimeSpan.FromSeconds(5);

    public string Name => name;

    /// <summary>The account's user data stream, which the order executor service routes into the executor as <see cref="Events"/>.</summary>
    public IBinanceUserDataStream? UserData { get; init; }

    public ISimulatedBook? SimulatedBook => null;

    public IVenueAccount? Account => this;

    public IProtectiveOrderVenue? ProtectiveOrders => this;

    public IOrderReplacingVenue? Replacing => this;

    public IVenueEventStream? Events => UserData is null ? null : _events ??= new BinanceVenueEvents(UserData);

    private BinanceVenueEvents? _events;

    /// <summary>
    /// Later transitions come from the user data stream (<see cref="Events"/>), which the executor's host applies to the stored
    /// order under the executor's lock; nothing is pushed through this sink.
    /// </summary>
    public void Attach(Func<VenueUpdate, CancellationToken, ValueTask> sink)
    {
    }

    /// <summary>GET /api/v3/account, for balance reconciliation.</summary>
    public async Task<VenueBalances> BalancesAsync(CancellationToken ct)
    {
        try
        {
            var account = await client.GetAccountAsync(ct);
            return new VenueBalances(account.Balances.ToDictionary(b => b.Key, b => new VenueBalance(b.Value.Asset, b.Value.Free, b.Value.Locked), StringComparer.Ordinal));
        }
        catch (Exception e) when (e is BinanceTradingException or BinanceOutcomeUnknownException or BinanceMalformedResponseException or HttpRequestException)
        {
            throw new VenueOutcomeUnknownException($"the account could not be read: {e.Message}", e);
        }
    }

    public Task<IReadOnlyList<VenueUpdate>> PlaceAsync(Order submitted, CancellationToken ct) => PlaceAsync(submitted, stopPrice: null, ct);

    /// <summary>Places the order; with <paramref name="stopPrice"/> it is a STOP_LOSS (market) or STOP_LOSS_LIMIT order.</summary>
    private async Task<IReadOnlyList<VenueUpdate>> PlaceAsync(Order submitted, decimal? stopPrice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        return await PlacementUpdatesAsync(submitted, await client.PlaceOrderAsync(RequestFor(submitted, stopPrice), ct), ct);
    }

    private static NewOrderRequest RequestFor(Order submitted, decimal? stopPrice) =>
        new(submitted.Symbol, submitted.Side, submitted.Type, submitted.Quantity, submitted.ClientOrderId,
            submitted.Type == OrderType.Limit ? submitted.Price : null) { StopPrice = stopPrice };

    /// <summary>A placement's answer as transitions of the stored order: placed (with its trades), rejected, failed, or unknown (thrown).</summary>
    private async Task<IReadOnlyList<VenueUpdate>> PlacementUpdatesAsync(Order submitted, OrderPlacement placement, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return placement.Outcome switch
        {
            PlacementOutcome.Placed => ExchangeOrderUpdates.Between(submitted, await WithTradesAsync(submitted, placement.Order!, ct), now),
            PlacementOutcome.NotPlaced when placement.Rejection is not null =>
                [VenueUpdate.From(OrderStateMachine.Reject(submitted, now, placement.Reason ?? placement.Rejection.Message))],
            PlacementOutcome.NotPlaced => [VenueUpdate.From(OrderStateMachine.Fail(submitted, now, placement.Reason ?? "not placed"))],
            _ => throw new VenueOutcomeUnknownException(placement.Reason ?? "the placement outcome is unknown"),
        };
    }

    public Task<IReadOnlyList<VenueUpdate>> PlaceExitAsync(Order submitted, ProtectiveExitTrigger trigger, CancellationToken ct) =>
        PlaceAsync(submitted, ct);

    public async Task<IReadOnlyList<VenueUpdate>?> QueryAsync(Order stored, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ExchangeOrder? found;
        try
        {
            found = await client.QueryOrderAsync(stored.Symbol, stored.ClientOrderId, ct);
        }
        catch (Exception e) when (e is BinanceOutcomeUnknownException or BinanceMalformedResponseException or HttpRequestException)
        {
            throw new VenueOutcomeUnknownException($"query of {stored.ClientOrderId} failed: {e.Message}", e);
        }
        var now = time.GetUtcNow();
        if (found is not null) return ExchangeOrderUpdates.Between(stored, await WithTradesAsync(stored, found, ct), now);
        if (stored.Status == OrderStatus.Submitted && now - stored.UpdatedAt < NotFoundGrace)
            throw new VenueOutcomeUnknownException($"order {stored.ClientOrderId} not found yet; it may still arrive within {NotFoundGrace.TotalSeconds:0}s");
        return null;
    }

    /// <summary>
    /// An order answer has no trades: when it executed more than the store knows, its trades (with their commissions) are
    /// read from GET /api/v3/myTrades. If that fails, the outcome counts as unknown (the order is looked up again later), so a
    /// commission is never lost; only trades that do not add up to the executed quantity leave the rest booked without a fee.
    /// </summary>
    private async Task<ExchangeOrder> WithTradesAsync(Order stored, ExchangeOrder found, CancellationToken ct)
    {
        if (found.Fills.Count > 0 || found.ExecutedQuantity <= stored.FilledQuantity) return found;
        try
        {
            var trades = await client.GetOrderTradesAsync(found.Symbol, found.OrderId, ct);
            return trades.Sum(t => t.Quantity) == found.ExecutedQuantity ? found with { Fills = trades } : found;
        }
        catch (Exception e) when (e is BinanceTradingException or BinanceOutcomeUnknownException or BinanceMalformedResponseException or HttpRequestException)
        {
            throw new VenueOutcomeUnknownException($"the trades of order {found.ClientOrderId} could not be read: {e.Message}", e);
        }
    }

    /// <summary>Every open order at the exchange (GET /api/v3/openOrders), for start-up reconciliation.</summary>
    public async Task<IReadOnlyList<VenueOpenOrder>> OpenOrdersAsync(CancellationToken ct)
    {
        try
        {
            var open = await client.GetOpenOrdersAsync(null, ct);
            return [.. open.Select(Describe)];
        }
        catch (Exception e) when (e is BinanceTradingException or BinanceOutcomeUnknownException or BinanceMalformedResponseException or HttpRequestException)
        {
            throw new VenueOutcomeUnknownException($"the open orders could not be listed: {e.Message}", e);
        }
    }

    /// <summary>DELETE /api/v3/openOrders for one symbol (stop-all): the orders it cancelled. Errors are the client's.</summary>
    public async Task<IReadOnlyList<VenueOpenOrder>> CancelAllAsync(Symbol symbol, CancellationToken ct) =>
        [.. (await client.CancelAllAsync(symbol, ct)).Select(Describe)];

    private static VenueOpenOrder Describe(ExchangeOrder order) => new(order.ClientOrderId, order.Symbol, order.Side, order.Quantity, order.Type, order.Price);

    public async Task<IReadOnlyList<VenueUpdate>> CancelAsync(Order stored, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ExchangeOrder cancelled;
        try
        {
            cancelled = await client.CancelOrderAsync(stored.Symbol, stored.ClientOrderId, ct);
        }
        catch (BinanceTradingException e)
        {
            throw new VenueRejectedException(e.Message, e);
        }
        catch (Exception e) when (e is BinanceOutcomeUnknownException or BinanceMalformedResponseException or HttpRequestException)
        {
            throw new VenueRejectedException($"the cancel's outcome is unknown ({e.Message}); the order is queried again later", e);
        }
        return ExchangeOrderUpdates.Between(stored, cancelled, time.GetUtcNow());
    }
}
