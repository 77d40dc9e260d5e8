namespace Trading.Core.Messaging;

/// <summary>Payload on <see cref="StreamNames.BotStatus"/>: a bot changed status, with the reason.</summary>
public sealed record BotStatusMessage(string BotId, string Status, string Reason)
{
    public const string Type = "bot.status";
}
