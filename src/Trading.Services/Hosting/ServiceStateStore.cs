using System.Text.Json;
using Trading.Core.Storage;

namespace Trading.Services.Hosting;

/// <summary>Service lifecycle records as JSON in the durable system state (<c>service.{name}</c>), readable from any process.</summary>
public sealed class ServiceStateStore(ISystemStateStore state)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ServiceState?> GetAsync(string name, CancellationToken ct = default)
    {
        var text = await state.GetAsync(Key(name), ct);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonSerializer.Deserialize<ServiceState>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public Task SaveAsync(ServiceState service, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        return state.SetAsync(Key(service.Name), JsonSerializer.Serialize(service, Json), ct);
    }

    private static string Key(string name) => $"service.{name}";
}
