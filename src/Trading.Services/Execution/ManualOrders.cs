using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.Portfolio;

namespace Trading.Services.Execution;

/// <summary>
/// An order a person places (`trading order buy|sell`, POST /orders): a fresh executor for the mode, the risk gate, and in
/// paper mode a match at once against the latest stored price, in the same step under the store's trading lock.
/// </summary>
public static class ManualOrders
{
    public static async Task<OrderExecutor> CreateExecutorAsync(ITradingStore store, IMessageBus bus, TradingSettings settings, ExecutionMode mode,
        ILogger logger, TimeProvider time, IExecutionVenue? exchangeVenue = null, CancellationToken ct = default) =>
        await ExecutorFactory.CreateAsync(store, bus, ExecutionServiceCollectionExtensions.OptionsFrom(settings, mode), ExecutorFactory.LimitsFrom(settings),
            await SymbolDirectory.ForModeAsync(settings, mode, store, time, ct), time, logger, exchangeVenue: exchangeVenue, ct: ct);

    public static async Task<ExecutionOutcome> PlaceAsync(ITradingStore store, OrderExecutor executor, ExecutionRequest request, TimeProvider time,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(request);
        var latest = executor.Venue?.SimulatedBook is not null
            ? (await PortfolioReplay.LatestPricesAsync(store, ct)).FirstOrDefault(p => p.Symbol == request.Symbol).Price
            : 0m;
        return latest > 0
            ? await executor.ExecuteAtPriceAsync(request, latest, time.GetUtcNow(), ct)
            : await executor.ExecuteAsync(request, ct);
    }

    /// <summary>Why a placed order ended rejected or failed: the cause of its last transition.</summary>
    public static async Task<string?> FailureCauseAsync(ITradingStore store, Order order, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status is not (OrderStatus.Rejected or OrderStatus.Failed)) return null;
        return (await store.Orders.GetEventsAsync(order.Id, ct)).LastOrDefault()?.Cause ?? "no reason given";
    }
}
