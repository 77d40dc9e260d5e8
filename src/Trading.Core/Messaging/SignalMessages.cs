using Trading.Core.Model;

namespace Trading.Core.Messaging;

/// <summary>Signals travel on <see cref="StreamNames.Signals"/> as the <see cref="Signal"/> itself, with the signal id as message id.</summary>
public static class SignalMessages
{
    public const string Type = "signal";

    public static MessageEnvelope Create(Signal signal, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return MessageEnvelope.Create(Type, signal, time, id: signal.Id);
    }
}
