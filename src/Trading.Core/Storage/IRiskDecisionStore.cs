namespace Trading.Core.Storage;

/// <summary>The audit trail of the risk gate.</summary>
public interface IRiskDecisionStore
{
    /// <summary>Stores a decision once; a second save of the same id is ignored.</summary>
    Task SaveAsync(RiskDecisionRecord decision, CancellationToken ct = default);

    /// <summary>Newest first, optionally only those about one signal or order.</summary>
    Task<IReadOnlyList<RiskDecisionRecord>> ListAsync(string? signalId = null, string? orderId = null, int limit = 100, CancellationToken ct = default);
}
