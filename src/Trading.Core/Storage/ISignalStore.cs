using Trading.Core.Model;

namespace Trading.Core.Storage;

public interface ISignalStore
{
    /// <summary>Stores a signal once; a second save of the same id is ignored.</summary>
    Task SaveAsync(Signal signal, CancellationToken ct = default);

    Task<Signal?> GetAsync(string id, CancellationToken ct = default);

    Task<IReadOnlyList<Signal>> ListAsync(string? strategy = null, int limit = 100, CancellationToken ct = default);
}
