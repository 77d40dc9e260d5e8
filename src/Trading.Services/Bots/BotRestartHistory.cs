using System.Text.Json;
using Trading.Core.Storage;

namespace Trading.Services.Bots;

/// <summary>When the supervisor restarted each bot, in the durable system state (<c>bot.restarts.{id}</c>), so the limit holds across supervisor restarts.</summary>
public sealed class BotRestartHistory(ISystemStateStore state)
{
    public async Task<List<DateTimeOffset>> LoadAsync(string botId, CancellationToken ct)
    {
        var text = await state.GetAsync(Key(botId), ct);
        if (string.IsNullOrWhiteSpace(text)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<DateTimeOffset>>(text) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public Task SaveAsync(string botId, IEnumerable<DateTimeOffset> restarts, CancellationToken ct) =>
        state.SetAsync(Key(botId), JsonSerializer.Serialize(restarts), ct);

    private static string Key(string botId) => $"bot.restarts.{botId}";
}
