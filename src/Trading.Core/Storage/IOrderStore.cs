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

    /// <summary>Stores a fill once; a second save of the same id is ignored. Returns whether it was new.</summary>
    Task<bool> SaveFillAsync(Fill fill, CancellationToken ct = default);

    /// <summary>How many fills are stored: a cheap check whether the books changed since they were last read.</summary>
    Task<long> CountFillsAsync(CancellationToken ct = default);

    Task<IReadOnlyList<Fill>> GetFillsAsync(string? orderId = null, CancellationToken ct = default);
}
