using Trading.Binance.Errors;
using Trading.Binance.Orders;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Binance.Execution;

/// <summary>Protective orders at Binance: an OCO (LIMIT_MAKER at the target, STOP_LOSS at the stop), or the one order there is.</summary>
public sealed partial class BinanceVenue
{
    public async Task<IReadOnlyList<VenueUpdate>> PlaceProtectiveAsync(ProtectiveOrderPair pair, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pair);
        if (pair.StopLoss is null || pair.TakeProfit is null) return await PlaceSingleAsync(pair, ct);
        var request = NewOcoRequest.ProtectLong(pair.Symbol, pair.StopLoss.Quantity, pair.ListClientOrderId, pair.TakeProfit.Price!.Value,
            pair.TakeProfit.ClientOrderId, pair.StopPrice!.Value, pair.StopLoss.ClientOrderId);
        ExchangeOrderList list;
        try
        {
            list = await client.PlaceOcoAsync(request, ct);
        }
        catch (BinanceTradingException rejected)
        {
            var now = time.GetUtcNow();
            return [.. pair.Orders.Select(o => VenueUpdate.From(OrderStateMachine.Reject(o, now, $"the OCO was refused: {rejected.Message}")))];
        }
        catch (Exception e) when (e is BinanceOutcomeUnknownException or BinanceMalformedResponseException or HttpRequestException)
        {
            throw new VenueOutcomeUnknownException($"the OCO {pair.ListClientOrderId}'s outcome is unknown: {e.Message}", e);
        }
        var at = time.GetUtcNow();
        return [.. pair.Orders.SelectMany(o => list.Reports.FirstOrDefault(r => r.ClientOrderId == o.ClientOrderId) is { } report
            ? ExchangeOrderUpdates.Between(o, report, at)
            : [])];
    }

    /// <summary>Only a stop (a STOP_LOSS sell) or only a target (a LIMIT sell): one plain order.</summary>
    private Task<IReadOnlyList<VenueUpdate>> PlaceSingleAsync(ProtectiveOrderPair pair, CancellationToken ct) =>
        pair.StopLoss is { } stop ? PlaceAsync(stop, pair.StopPrice, ct) : PlaceAsync(pair.TakeProfit!, ct);
}
