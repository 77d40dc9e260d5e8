using Telegram.Bot;

namespace Trading.Services.Observability.Alerts;

/// <summary>Sends each alert with the Bot API's sendMessage to one chat; the base URL is configurable (a local Bot API server, tests).</summary>
public sealed class TelegramAlertChannel(HttpClient http, string baseUrl, string token, string chatId) : IAlertChannel
{
    private readonly TelegramBotClient _client = new(new TelegramBotClientOptions(token, baseUrl.TrimEnd('/')), http);

    public string Name => "telegram";

    public override string ToString() => $"telegram {Configuration.SecretMasker.MaskConnection(baseUrl)} chat {chatId}";

    public Task SendAsync(Alert alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return _client.SendMessage(chatId, alert.Text, cancellationToken: ct);
    }
}
