namespace Trading.Services.Bots;

/// <summary>Starts a bot process again with the arguments it was first started with; returns its pid.</summary>
public interface IBotLauncher
{
    int Launch(BotRuntimeState bot);
}
