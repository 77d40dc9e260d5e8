using System.Text.Json;
using Trading.Core.Storage;

namespace Trading.Services.Hosting;

/// <summary>Records kept as JSON under a key of the durable system state; an empty or unreadable value reads as null.</summary>
public static class SystemStateJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T?> GetAsync<T>(ISystemStateStore state, string key, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(state);
        var text = await state.GetAsync(key, ct);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static Task SetAsync<T>(ISystemStateStore state, string key, T value, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.SetAsync(key, JsonSerializer.Serialize(value, Json), ct);
    }
}
