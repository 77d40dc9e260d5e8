using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Services.Portfolio;

namespace Trading.Services.Execution;

/// <summary>
/// Brings an executor's view of the shared trading state up to the store's at the start of every step, under the store's
/// trading lock (DESIGN principle 9): the fills any process booked since the last step, in booking order; stored balance
/// adjustments; the open orders the risk gate reserves for; and a simulated book's balances and resting orders (paper). With
/// an allocator, every bot's orders and new fills are booked to the bot's sleeve too, whichever process placed them.
/// </summary>
internal sealed class StoredBooks(ITradingStore store, ILogger logger)
{
    private readonly HashSet<string> _unbookable = new(StringComparer.Ordinal);
    private long? _lastSequence;

    /// <summary>Refreshes the <paramref name="kernel"/>'s market and allocator (and <paramref name="book"/>); returns the open orders as stored.</summary>
    public async Task<IReadOnlyList<Order>> RefreshAsync(ExecutionKernel kernel, ISimulatedBook? book, CancellationToken ct)
    {
        var market = kernel.Market;
        var account = market.Account;
        foreach (var booked in await store.Orders.GetFillsBookedAfterAsync(_lastSequence, ct))
        {
            if (BookStoredFill(account, booked) && kernel.Allocator is not null) await AllocateAsync(kernel, booked.Fill, ct);
            _lastSequence = Math.Max(_lastSequence ?? 0, booked.Sequence);
        }
        _lastSequence ??= 0;
        await new BalanceAdjustments(store.SystemState).CatchUpAsync(account, ct);

        var open = await store.Orders.ListAsync(openOnly: true, limit: 10_000, ct);
        var openIds = open.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in market.TrackedOrderIds.Where(id => !openIds.Contains(id)).ToList())
        {
            market.Untrack(gone);
            kernel.Allocator?.Closed(gone);
        }
        foreach (var order in open)
        {
            market.Track(order);
            kernel.Adopt(order);
        }
        book?.Load(account.Cash, account.Quantity, open);
        return open;
    }

    /// <summary>A fill booked by another process (or before a restart), to the sleeve of the bot whose order it is.</summary>
    private async Task AllocateAsync(ExecutionKernel kernel, Fill fill, CancellationToken ct)
    {
        var order = kernel.Allocator!.Knows(fill.OrderId) ? null : await store.Orders.GetAsync(fill.OrderId, ct);
        if (order is not null) kernel.Adopt(order);
        kernel.Allocator.Book(fill);
        if (order is { IsOpen: false }) kernel.Allocator.Closed(order.Id);
    }

    /// <summary>
    /// A fill is booked once (the account ignores an id it holds, such as this executor's own); one that cannot be is reported
    /// once. True when it was booked now.
    /// </summary>
    private bool BookStoredFill(PortfolioAccount account, BookedFill booked)
    {
        try
        {
            return account.Apply(booked.Fill);
        }
        catch (PortfolioException e)
        {
            if (_unbookable.Add(booked.Fill.Id))
                logger.LogError("Stored fill {FillId} of order {OrderId} cannot be booked: {Problem} ({Repair})",
                    booked.Fill.Id, booked.Fill.OrderId, e.Message, PortfolioReplay.RepairHint);
            return false;
        }
    }
}
