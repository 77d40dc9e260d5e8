using System.Collections.Concurrent;
using Trading.Core.Messaging;
using Trading.Core.Storage;

namespace Trading.Services.Observability;

/// <summary>Tells a restart from a status message: a bot running again after it faulted or failed.</summary>
public sealed class BotRestartTracker
{
    private readonly ConcurrentDictionary<string, string> _last = new(StringComparer.Ordinal);

    public static bool IsFailure(string status) =>
        status.Equals(BotStatuses.Faulted, StringComparison.OrdinalIgnoreCase) || status.Equals("failed", StringComparison.OrdinalIgnoreCase);

    public bool IsRestart(BotStatusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var previous = _last.TryGetValue(message.BotId, out var last) ? last : null;
        _last[message.BotId] = message.Status;
        return previous is not null && IsFailure(previous) && message.Status.Equals(BotStatuses.Running, StringComparison.OrdinalIgnoreCase);
    }
}
