using Trading.Core.Storage;

namespace Trading.Services.Bots;

/// <summary>
/// One bot as `trading trade status` and the API's /bots show it: its definition, its runtime record (who runs it, since
/// when, its last heartbeat, signal and order), its state and its order counts.
/// </summary>
public sealed record BotStatusView(BotDefinition Bot, BotRuntimeState? Runtime, string State, bool Faulted, int OpenOrders, int Orders)
{
    public const string NeverStarted = "never started";
    public const string Lost = "lost (no heartbeat)";
    public const string LostProcessGone = "lost (process gone)";

    /// <summary>Running, with a fresh heartbeat.</summary>
    public bool IsRunning => State == BotRuntimeState.Running;
}
