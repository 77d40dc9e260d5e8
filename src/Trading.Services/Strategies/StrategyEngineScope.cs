namespace Trading.Services.Strategies;

/// <summary>
/// Limits a strategy engine to some bots: a <c>trading trade start</c> process runs only its own bot, even when other
/// processes sharing the store run theirs. Without a scope the engine runs every enabled, running bot.
/// </summary>
public sealed record StrategyEngineScope(IReadOnlySet<string> BotIds)
{
    /// <summary>The market the bots trade: on <see cref="Core.Model.MarketType.Usdm"/> their strategies may open shorts.</summary>
    public Core.Model.MarketType Market { get; init; }

    public bool Includes(string botId) => BotIds.Contains(botId);
}
