using Trading.Core.Model;

namespace Trading.Core.Storage;

/// <summary>Positions, balances and portfolio snapshots.</summary>
public interface IPortfolioStore
{
    Task SavePositionAsync(Position position, CancellationToken ct = default);

    Task<IReadOnlyList<Position>> ListPositionsAsync(CancellationToken ct = default);

    Task SaveBalanceAsync(string asset, decimal free, decimal locked, CancellationToken ct = default);

    /// <summary>Saves balances and positions in one transaction (what one fill changed).</summary>
    Task SaveHoldingsAsync(IReadOnlyList<(string Asset, decimal Free, decimal Locked)> balances, IReadOnlyList<Position> positions,
        CancellationToken ct = default);

    Task<IReadOnlyDictionary<string, (decimal Free, decimal Locked)>> GetBalancesAsync(CancellationToken ct = default);

    Task SaveSnapshotAsync(PortfolioSnapshot snapshot, CancellationToken ct = default);

    Task<IReadOnlyList<PortfolioSnapshot>> ListSnapshotsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default);
}
