namespace Trading.Services.Bots;

/// <summary>How the bot supervisor checks bots and how often a crashing bot is restarted before it is failed.</summary>
public sealed record BotSupervisorOptions
{
    /// <summary>How often every running bot's process is checked (by pid on this host, by heartbeat elsewhere).</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Restarts allowed within <see cref="Window"/>; the next crash fails the bot.</summary>
    public int MaxRestarts { get; init; } = 3;

    public TimeSpan Window { get; init; } = TimeSpan.FromHours(1);
}
