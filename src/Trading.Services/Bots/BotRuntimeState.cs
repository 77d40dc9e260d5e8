namespace Trading.Services.Bots;

/// <summary>
/// What a running (or stopped) bot process records about itself in the store, so any process can show its status:
/// who runs it (host, pid), in which mode, since when, the last heartbeat, and the last signal and order it saw.
/// </summary>
public sealed record BotRuntimeState
{
    public const string Running = "running";
    public const string Stopped = "stopped";

    /// <summary>The supervisor gave up on it: it crashed more often than allowed (see <see cref="BotSupervisor"/>).</summary>
    public const string Failed = "failed";

    public required string BotId { get; init; }
    public required string Strategy { get; init; }
    public IReadOnlyList<string> Symbols { get; init; } = [];
    public string Timeframe { get; init; } = "1m";
    public required string Mode { get; init; }
    public required string Host { get; init; }
    public int Pid { get; init; }
    public string Status { get; init; } = Running;
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset Heartbeat { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
    public string? StopReason { get; init; }
    /// <summary>The <c>trading</c> arguments that started it, so the supervisor can start it again after a crash.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public string? LastSignal { get; init; }
    public DateTimeOffset? LastSignalAt { get; init; }
    public string? LastOrder { get; init; }
    public DateTimeOffset? LastOrderAt { get; init; }

    public bool IsRunning => Status == Running;

    /// <summary>Running, but silent for longer than <paramref name="staleAfter"/>: the process died without saying so.</summary>
    public bool IsLost(DateTimeOffset now, TimeSpan staleAfter) => IsRunning && now - Heartbeat > staleAfter;
}
