using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Execution;

/// <summary>Why an order ended rejected or failed, as every place that shows an order prints it (CLI, API, bot status).</summary>
public static class OrderFailures
{
    /// <summary>The cause of a rejected or failed order's last transition ("no reason given" when none was recorded); null for any other status.</summary>
    public static async Task<string?> CauseAsync(ITradingStore store, Order order, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status is not (OrderStatus.Rejected or OrderStatus.Failed)) return null;
        return (await store.Orders.GetEventsAsync(order.Id, ct)).LastOrDefault()?.Cause ?? "no reason given";
    }
}
