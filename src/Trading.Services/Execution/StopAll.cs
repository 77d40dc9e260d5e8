using System.Globalization;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Services.Bots;

namespace Trading.Services.Execution;

/// <summary>What <see cref="StopAll"/> did.</summary>
public sealed record StopAllReport(int BotsStopped, int OrdersCancelled, IReadOnlyList<string> Problems);

/// <summary>
/// The kill switch, completed (<c>trading trade stop-all</c>, and the API's): HALTED first and persisted, so no process sends
/// another order from that moment; then every bot is asked to stop; then every open order is cancelled at the venue — on
/// an exchange with DELETE /api/v3/openOrders per symbol (the stored open orders' symbols and whatever the exchange lists
/// as open), each stored order then brought up to the exchange's state; on the paper venue order by order. Each step is
/// reported as it happens.
/// </summary>
public sealed class StopAll(ITradingStore store, BotControl bots)
{
    public async Task<StopAllReport> RunAsync(OrderExecutor executor, string reason, Action<string> report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(report);
        await new KillSwitch(store.SystemState).SetAsync(TradingState.Halted, reason, ct);
        report($"trading state: HALTED ({reason})");
        var stopped = 0;
        foreach (var result in await bots.StopAllAsync(reason, ct))
        {
            report(result.Description);
            if (result.Outcome != BotStopOutcome.NotRunning) stopped++;
        }
        var problems = new List<string>();
        var cancelled = executor.Venue switch
        {
            { Account: { } exchange } => await CancelAtExchangeAsync(executor, exchange, report, problems, ct),
            null => 0,
            _ => await CancelOneByOneAsync(executor, report, problems, ct),
        };
        report(string.Create(CultureInfo.InvariantCulture, $"stop-all: {stopped} bot(s) stopped, {cancelled} order(s) cancelled, {problems.Count} problem(s)"));
        return new StopAllReport(stopped, cancelled, problems);
    }

    private async Task<int> CancelOneByOneAsync(OrderExecutor executor, Action<string> report, List<string> problems, CancellationToken ct)
    {
        var cancelled = 0;
        foreach (var order in await OpenOrdersAsync(ct))
        {
            var outcome = await executor.CancelAsync(order.Id, ct);
            if (outcome.IsDenied) Problem(report, problems, $"order {order.Id}: {outcome.Reason}");
            else
            {
                cancelled++;
                report($"cancelled {Describe(outcome.Order ?? order)}");
            }
        }
        return cancelled;
    }

    private async Task<int> CancelAtExchangeAsync(OrderExecutor executor, IVenueAccount exchange, Action<string> report, List<string> problems,
        CancellationToken ct)
    {
        var stored = await OpenOrdersAsync(ct);
        var symbols = stored.Select(o => o.Symbol).ToHashSet();
        try
        {
            foreach (var open in await exchange.OpenOrdersAsync(ct)) symbols.Add(open.Symbol);
        }
        catch (VenueOutcomeUnknownException e)
        {
            Problem(report, problems, $"the exchange's open orders could not be listed ({e.Message}); cancelling the stored ones' symbols");
        }
        var cancelled = 0;
        foreach (var symbol in symbols.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            try
            {
                foreach (var order in await exchange.CancelAllAsync(symbol, ct))
                {
                    cancelled++;
                    var known = await store.Orders.GetByClientOrderIdAsync(order.ClientOrderId, ct);
                    report(known is null
                        ? string.Create(CultureInfo.InvariantCulture, $"cancelled {order.ClientOrderId} {order.Side} {order.Quantity:0.########} {order.Symbol} {order.Type}{(order.Price is { } p ? $" @ {p:0.########}" : "")} at the exchange (not placed by this platform)")
                        : $"cancelled {Describe(known with { Status = OrderStatus.Cancelled })}");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Problem(report, problems, $"DELETE /api/v3/openOrders {symbol} failed: {e.Message}");
            }
        }
        foreach (var order in stored) await SyncAsync(executor, executor.Venue!, order, report, problems, ct);
        return cancelled;
    }

    // The exchange's answer is the truth: the stored order takes its state (cancelled, or filled before the cancel arrived).
    private static async Task SyncAsync(OrderExecutor executor, IExecutionVenue exchange, Order order, Action<string> report, List<string> problems,
        CancellationToken ct)
    {
        try
        {
            await executor.ApplyToStoredOrderAsync(order.ClientOrderId, async (current, token) => await exchange.QueryAsync(current, token) ?? [], ct);
        }
        catch (Exception e) when (e is VenueOutcomeUnknownException or InvalidOrderTransitionException)
        {
            Problem(report, problems, $"order {order.Id}: its state at the exchange could not be read ({e.Message}); the executor reconciles it at its next start");
        }
    }

    private async Task<IReadOnlyList<Order>> OpenOrdersAsync(CancellationToken ct) =>
        (await store.Orders.ListAsync(openOnly: true, limit: 100_000, ct)).OrderBy(o => o.CreatedAt).ToList();

    private static void Problem(Action<string> report, List<string> problems, string problem)
    {
        problems.Add(problem);
        report($"problem: {problem}");
    }

    private static string Describe(Order order) => string.Create(CultureInfo.InvariantCulture,
        $"{order.Id} {order.Side} {order.Quantity:0.########} {order.Symbol} {order.Type}{(order.Price is { } p ? $" @ {p:0.########}" : "")} (client id {order.ClientOrderId}{(order.BotId is null ? "" : $", bot {order.BotId}")})");
}
