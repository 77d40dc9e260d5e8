using Trading.Core.Messaging;

namespace Trading.Messaging;

/// <summary>A message whose handler kept failing, as published on <c>&lt;stream&gt;.dead</c>.</summary>
public sealed record DeadLetter(string Stream, string Group, int Attempts, string Error, MessageEnvelope Message)
{
    public const string MessageType = "dead_letter";

    public static string StreamFor(string stream) => stream + ".dead";
}
