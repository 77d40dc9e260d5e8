using Microsoft.Extensions.Logging;

namespace Trading.Services.Observability.Alerts;

/// <summary>Every alert is logged: a warning as a warning, a critical alert as critical.</summary>
public sealed class LogAlertChannel(ILogger logger) : IAlertChannel
{
    public string Name => "log";

    public override string ToString() => Name;

    public Task SendAsync(Alert alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        logger.Log(alert.Severity == AlertSeverity.Critical ? LogLevel.Critical : LogLevel.Warning,
            "Alert {Rule} ({Severity}): {Message}", alert.Rule, alert.Severity, alert.Message);
        return Task.CompletedTask;
    }
}
