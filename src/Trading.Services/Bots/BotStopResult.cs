namespace Trading.Services.Bots;

/// <summary>What asking a bot to stop did.</summary>
public enum BotStopOutcome
{
    /// <summary>The bot's process was asked to stop; it polls for the request about once a second.</summary>
    Requested,

    /// <summary>The bot's process was already gone (killed, crashed): it is now recorded as stopped.</summary>
    MarkedStopped,

    /// <summary>The bot was not running; nothing changed.</summary>
    NotRunning,
}

/// <summary>One bot's answer to a stop, with a line for people.</summary>
public sealed record BotStopResult(string BotId, BotStopOutcome Outcome, string Description);
