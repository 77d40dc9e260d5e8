namespace Trading.Messaging;

public enum DeliveryOutcome
{
    /// <summary>The handler succeeded; ack the message.</summary>
    Handled,

    /// <summary>The id was handled (or is being handled) already; ack without running the handler.</summary>
    Duplicate,

    /// <summary>Every attempt failed; the message went to the dead-letter stream; ack it.</summary>
    DeadLettered,

    /// <summary>Cancelled before the handler finished; do not ack: the message must be delivered again.</summary>
    Cancelled,
}
