namespace Trading.Core.Storage;

public interface IBacktestRunStore
{
    Task SaveAsync(BacktestRunRecord run, CancellationToken ct = default);

    Task<BacktestRunRecord?> GetAsync(string id, CancellationToken ct = default);

    Task<BacktestRunRecord?> GetLatestAsync(CancellationToken ct = default);

    /// <summary>Newest first, without the large trade and equity columns.</summary>
    Task<IReadOnlyList<BacktestRunRecord>> ListAsync(int limit = 50, CancellationToken ct = default);
}
