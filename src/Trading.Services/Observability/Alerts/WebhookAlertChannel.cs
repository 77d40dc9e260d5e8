using System.Net.Http.Json;

namespace Trading.Services.Observability.Alerts;

/// <summary>POSTs each alert as JSON: severity, rule, message, time.</summary>
public sealed class WebhookAlertChannel(HttpClient http, Uri url) : IAlertChannel
{
    public string Name => "webhook";

    public override string ToString() => $"webhook {Configuration.SecretMasker.MaskConnection(url.ToString())}";

    public async Task SendAsync(Alert alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var body = new { severity = alert.Severity.ToString().ToLowerInvariant(), rule = alert.Rule, message = alert.Message, time = alert.Time };
        using var response = await http.PostAsJsonAsync(url, body, ct);
        response.EnsureSuccessStatusCode();
    }
}
