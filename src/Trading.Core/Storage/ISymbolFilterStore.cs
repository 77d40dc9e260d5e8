using Trading.Core.Model;

namespace Trading.Core.Storage;

/// <summary>The exchange's symbol rules (status, assets, filters) from the latest exchangeInfo fetch, one row per symbol.</summary>
public interface ISymbolFilterStore
{
    /// <summary>Stores every symbol in one transaction, replacing what an earlier fetch stored for the same symbols.</summary>
    Task SaveAsync(IReadOnlyCollection<SymbolInfo> symbols, DateTimeOffset fetchedAt, CancellationToken ct = default);

    Task<StoredSymbolInfo?> GetAsync(Symbol symbol, CancellationToken ct = default);

    /// <summary>Every stored symbol, by name.</summary>
    Task<IReadOnlyList<StoredSymbolInfo>> ListAsync(CancellationToken ct = default);
}
