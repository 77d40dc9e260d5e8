namespace Trading.Core.Storage;

/// <summary>Durable key/value system state, such as the kill switch, which must survive restarts.</summary>
public interface ISystemStateStore
{
    Task SetAsync(string key, string value, CancellationToken ct = default);

    Task<string?> GetAsync(string key, CancellationToken ct = default);
}
