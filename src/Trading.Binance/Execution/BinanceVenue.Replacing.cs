using Trading.Binance.Errors;
using Trading.Binance.Orders;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Binance.Execution;

/// <summary>Re-pricing with POST /api/v3/order/cancelReplace (STOP_ON_FAILURE): the old order's cancel and the new one's placement together.</summary>
public sealed partial class BinanceVenue
{
    public async Task<IReadOnlyList<VenueUpdate>> ReplaceAsync(Order open, Order submitted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(submitted);
        CancelReplaceOutcome outcome;
        try
        {
            outcome = await client.CancelReplaceAsync(open.Symbol, open.ClientOrderId, RequestFor(submitted, stopPrice: null), ct);
        }
        catch (Exception e) when (e is BinanceOutcomeUnknownException or BinanceMalformedResponseException or HttpRequestException)
        {
            throw new VenueOutcomeUnknownException($"the cancel-replace of {open.ClientOrderId} may or may not have happened: {e.Message}", e);
        }
        var updates = new List<VenueUpdate>();
        if (outcome.Cancelled is { } cancelled)
            updates.AddRange(ExchangeOrderUpdates.Between(open, await WithTradesAsync(open, cancelled, ct), time.GetUtcNow()));
        else if (outcome.CancelRejection is not null && await QueryAsync(open, ct) is { } current)
            updates.AddRange(current); // the cancel was refused: the old order most likely filled or expired meanwhile
        updates.AddRange(await PlacementUpdatesAsync(submitted, outcome.NewOrder, ct));
        return updates;
    }
}
