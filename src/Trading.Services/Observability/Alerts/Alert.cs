namespace Trading.Services.Observability.Alerts;

public enum AlertSeverity
{
    Warning,
    Critical,
}

/// <summary>One alert: which rule fired, how bad, what happened, when.</summary>
public sealed record Alert(AlertSeverity Severity, string Rule, string Message, DateTimeOffset Time)
{
    public string Text => $"[{Severity.ToString().ToUpperInvariant()}] {Rule}: {Message}";
}
