using Trading.Core.Storage;

namespace Trading.Services.Hosting;

/// <summary>Service lifecycle records as JSON in the durable system state (<c>service.{name}</c>), readable from any process.</summary>
public sealed class ServiceStateStore(ISystemStateStore state)
{
    public Task<ServiceState?> GetAsync(string name, CancellationToken ct = default) => SystemStateJson.GetAsync<ServiceState>(state, Key(name), ct);

    public Task SaveAsync(ServiceState service, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        return SystemStateJson.SetAsync(state, Key(service.Name), service, ct);
    }

    private static string Key(string name) => $"service.{name}";
}
