using Trading.Core.Storage;

namespace Trading.Api.Bots;

/// <summary>
/// Starts a bot for POST /bots. The host of the API provides it (the CLI runs each bot in its own host inside its process,
/// as `trading trade start` would); a bot stops through its stop request, from any process (see BotRuntimeStore).
/// </summary>
public interface IBotStarter
{
    /// <summary>Starts <paramref name="bot"/> and returns once it is recorded as running, or a one-line reason it cannot run.</summary>
    Task<string?> StartAsync(BotDefinition bot, CancellationToken ct);
}
