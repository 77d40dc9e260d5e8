namespace Trading.Services.Observability;

/// <summary>How often the gauges and the alert rules read the stored portfolio.</summary>
public sealed record ObservabilityOptions
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);
}
