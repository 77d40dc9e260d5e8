using Trading.Core.Storage;

namespace Trading.Services.Bots;

/// <summary>The one bot a <c>trading trade start</c> process runs, and how often it reports.</summary>
public sealed record BotRuntimeOptions
{
    public required BotDefinition Bot { get; init; }

    /// <summary>The execution mode, as printed (dry-run, paper, testnet, live).</summary>
    public required string Mode { get; init; }

    /// <summary>The <c>trading</c> arguments that started the process (recorded so the supervisor can restart it).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>
    /// Set in a bot process the supervisor started (<see cref="ProcessBotLauncher.RestartedVariable"/>): a stop request made
    /// while it was starting is kept and honoured. A bot an operator starts clears any stale request instead.
    /// </summary>
    public bool StartedBySupervisor { get; init; } = Environment.GetEnvironmentVariable(ProcessBotLauncher.RestartedVariable) == "1";

    /// <summary>How often the bot writes its heartbeat and polls for a stop request.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A running bot whose heartbeat is older than this is reported lost (its process died without stopping).</summary>
    public static TimeSpan StaleAfter { get; } = TimeSpan.FromSeconds(10);
}
