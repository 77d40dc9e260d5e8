using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Services.Configuration;

namespace Trading.Services.Execution;

/// <summary>Maps a bot definition's sizing name and value to a <see cref="PositionSizing"/>.</summary>
public static class BotSizing
{
    public static PositionSizing From(BotDefinition bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        if (!SizingNames.TryParse(bot.Sizing, out var mode))
            throw new ArgumentException($"Bot {bot.Id}: unknown sizing '{bot.Sizing}' ({SizingNames.Choices}).");
        var sizing = new PositionSizing(mode, bot.SizingValue);
        sizing.Validate();
        return sizing;
    }
}
