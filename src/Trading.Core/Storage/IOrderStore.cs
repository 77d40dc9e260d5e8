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
    /// Fills in the order they were stored, after booking sequence <paramref name="afterSequence"/> (null: every fill, those
    /// stored before sequences existed first, by time). Replaying them in this order repeats the bookings exactly.
    /// </summary>
    Task<IReadOnlyList<BookedFill>> GetFillsBookedAfterAsync(long? afterSequence, CancellationToken ct = default);

    Task<IReadOnlyList<Fill>> GetFillsAsync(string? orderId = null, CancellationToken ct = default);
}
