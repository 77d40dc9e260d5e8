namespace Trading.Core.Storage;

/// <summary>The values of <see cref="BotDefinition.Status"/>. The strategy engine runs bots that are enabled and running.</summary>
public static class BotStatuses
{
    public const string Stopped = "stopped";
    public const string Running = "running";

    /// <summary>The strategy threw or could not be created; the engine stopped feeding it. Restart the bot to clear it.</summary>
    public const string Faulted = "faulted";
}
