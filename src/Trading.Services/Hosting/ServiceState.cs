namespace Trading.Services.Hosting;

/// <summary>
/// What a platform process (<c>trading service run [--name X]</c>) records about itself in the store, refreshed every
/// heartbeat: its lifecycle state (starting, running, degraded, stopped, faulted), who runs it and since when.
/// </summary>
public sealed record ServiceState
{
    public const string Starting = "starting";
    public const string Running = "running";
    public const string Degraded = "degraded";
    public const string Stopped = "stopped";
    public const string Faulted = "faulted";

    public required string Name { get; init; }
    public required string State { get; init; }
    public required string Host { get; init; }
    public int Pid { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset Heartbeat { get; init; }

    /// <summary>Why it is degraded, stopped or faulted.</summary>
    public string? Reason { get; init; }
}
