namespace Trading.Services.Observability.Alerts;

/// <summary>Somewhere an alert is delivered. A failed delivery throws; the dispatcher retries.</summary>
public interface IAlertChannel
{
    string Name { get; }

    Task SendAsync(Alert alert, CancellationToken ct);
}
