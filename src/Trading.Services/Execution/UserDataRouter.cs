using System.Globalization;
using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Storage;
using Trading.Services.Portfolio;

namespace Trading.Services.Execution;

/// <summary>
/// Feeds a venue account's event stream (Binance's user data stream, testnet/live) into the executor. An order report is applied
/// to the stored order under the executor's lock (a trade is a fill keyed by its trade id, so the same trade from the REST answer
/// and from the stream counts once; a report that skips trades makes the order be queried instead). A deposit or withdrawal
/// becomes a stored <see cref="BalanceAdjustment"/>; changed balances update the store's. On subscribing and after every
/// reconnect, open orders are reconciled with the venue (events while away are lost).
/// </summary>
public sealed class UserDataRouter(IVenueEventStream stream, OrderExecutor executor, IExecutionVenue venue, ITradingStore store, IMessageBus bus,
    TimeProvider time, ILogger logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _pump;
    private int _fillsFromStream;
    private int _reconciliations;

    /// <summary>Fills booked from executionReports (not from a REST answer).</summary>
    public int FillsFromStream => Volatile.Read(ref _fillsFromStream);

    /// <summary>Order reconciliations over REST done after subscribing or reconnecting.</summary>
    public int Reconciliations => Volatile.Read(ref _reconciliations);

    /// <summary>Raised after each event is handled (tests await it instead of sleeping).</summary>
    public event Action<VenueEvent>? Handled;

    /// <summary>Subscribes, reconciles the open orders once (events before the subscription are lost), then pumps events.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        if (_pump is not null) throw new InvalidOperationException("The user-data router is already started.");
        await stream.StartAsync(ct);
        await ReconcileOrdersAsync(ct);
        _pump = Task.Run(() => PumpAsync(_stop.Token), CancellationToken.None);
    }

    private async Task PumpAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var update in stream.ReadAllAsync(ct))
            {
                try
                {
                    await HandleAsync(update, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "User-data event {Event} could not be applied: {Error}", update.GetType().Name, e.Message);
                }
                Handled?.Invoke(update);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task HandleAsync(VenueEvent update, CancellationToken ct)
    {
        switch (update)
        {
            case VenueOrderReport report:
                await ApplyReportAsync(report, ct);
                break;
            case VenueBalancesChanged position:
                foreach (var balance in position.Balances) await store.Portfolio.SaveBalanceAsync(balance.Asset, balance.Free, balance.Locked, ct);
                break;
            case VenueTransfer transfer:
                await BookTransferAsync(transfer, ct);
                break;
            case VenueStreamRestored reconnected:
                Observability.TradingMetrics.WsReconnects.Add(1);
                logger.LogWarning("User data stream back ({Cause}, reconnect {Count}); reconciling orders over REST", reconnected.Cause, reconnected.Reconnects);
                await ReconcileOrdersAsync(ct);
                break;
            case VenueStreamLost lost:
                logger.LogWarning("User data stream lost: {Cause}", lost.Cause);
                break;
            case VenueStreamMalformed malformed:
                logger.LogError("User data stream: {Reason}", malformed.Reason);
                break;
        }
    }

    private async Task ApplyReportAsync(VenueOrderReport report, CancellationToken ct)
    {
        var known = await executor.ApplyToStoredOrderAsync(report.ClientOrderId, async (stored, token) =>
        {
            if (report.UpdatesFor(stored) is { } updates)
            {
                if (updates.Any(u => u.Fill is not null)) Interlocked.Increment(ref _fillsFromStream);
                return updates;
            }
            logger.LogWarning("Order {ClientOrderId}: the stream skipped trades (cumulative {Cumulative}, stored {Stored}); querying it",
                stored.ClientOrderId, report.CumulativeQuantity, stored.FilledQuantity);
            return await venue.QueryAsync(stored, token) ?? [];
        }, ct);
        if (!known)
            logger.LogWarning("User data: order {ClientOrderId} ({Order}) is not in the store; it was placed outside this platform",
                report.ClientOrderId, report.Description);
    }

    /// <summary>A deposit or withdrawal: stored once (the id is the event's), then booked into the executor's account.</summary>
    private async Task BookTransferAsync(VenueTransfer delta, CancellationToken ct)
    {
        await executor.WithAccountAsync(async (account, token) =>
        {
            var symbol = new Core.Model.Symbol(delta.Asset + account.QuoteAsset);
            var price = delta.Asset != account.QuoteAsset && account.TryGetLatestPrice(symbol, out var last) ? last : 0m;
            var adjustment = new BalanceAdjustment(delta.Id, delta.Asset, delta.Delta, price, delta.Time, "balanceUpdate (deposit or withdrawal)");
            await new BalanceAdjustments(store.SystemState).AppendAsync(adjustment, token);
            adjustment.ApplyTo(account);
        }, ct);
        var message = string.Create(CultureInfo.InvariantCulture, $"{delta.Asset} changed by {delta.Delta} outside trading (balanceUpdate)");
        logger.LogWarning("User data: {Message}", message);
        await bus.PublishAsync(StreamNames.SystemEvents, ExecutionMessages.SystemEvent(BalanceReconciler.EventKind, message, time.GetUtcNow()), ct);
    }

    private async Task ReconcileOrdersAsync(CancellationToken ct)
    {
        await StartupReconciler.ReconcileOrdersAsync(store, bus, venue, executor, time, logger, ct);
        Interlocked.Increment(ref _reconciliations);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_pump is not null) await _pump;
        await stream.DisposeAsync();
        _stop.Dispose();
    }
}
