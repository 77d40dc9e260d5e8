using Trading.Core.Model;

namespace Trading.Core.Storage;

/// <summary>Orders, their status history and their fills.</summary>
public interface IOrderStore
{
    /// <summary>Inserts or replaces the order snapshot and appends its transition event, atomically.</summary>
    Task SaveAsync(Order order, OrderEvent? transition = null, CancellationToken ct = default);

    Task<Order?> GetAsync(string id, CancellationToken ct = default);

    Task<Order?> GetByClientOrderIdAsync(string clientOrderId, CancellationToken ct = default);

    Task<IReadOnlyList<Order>> ListAsync(bool openOnly = false, int limit = 100, CancellationToken ct = default);

    Task<IReadOnlyList<OrderEvent>> GetEventsAsync(string orderId, CancellationToken ct = default);

    /// <summary>Stores a fill once, with the next booking sequence; a second save of the same id is ignored. Returns whether it was new.</summary>
    Task<bool> SaveFillAsync(Fill fill, CancellationToken ct = default);

    /// <summary>
    /// Stores a new fill and the order snapshot (with its transition) it produced, in one transaction, so that no crash leaves
    /// a fill without its order; a fill id already stored changes nothing. Returns whether the fill was new.
    /// </summary>
    Task<bool> SaveFillAsync(Fill fill, Order order, OrderEvent? transition, CancellationToken ct = default);

    /// <summary>
    /// Fills in the order they were stored, after booking sequence <paramref name="afterSequence"/> (null: every fill, those
    /// stored before sequences existed first, by time). Replaying them in this order repeats the bookings exactly.
    /// </summary>
    Task<IReadOnlyList<BookedFill>> GetFillsBookedAfterAsync(long? afterSequence, CancellationToken ct = default);

    Task<IReadOnlyList<Fill>> GetFillsAsync(string? orderId = null, CancellationToken ct = default);
}
