using Trading.Core.Risk;
using Trading.Core.Storage;

namespace Trading.Services.Execution;

/// <summary>Maps a bot definition's sizing name and value to a <see cref="PositionSizing"/>.</summary>
public static class BotSizing
{
    public static PositionSizing From(BotDefinition bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var mode = bot.Sizing.Trim().ToLowerInvariant() switch
        {
            "fixed_quantity" or "quantity" => PositionSizingMode.FixedQuantity,
            "fixed_quote" or "quote" or "fixed_amount" => PositionSizingMode.FixedQuote,
            "equity_fraction" or "percent_equity" or "fraction" => PositionSizingMode.EquityFraction,
            "risk_based" or "risk" => PositionSizingMode.RiskBased,
            _ => throw new ArgumentException($"Bot {bot.Id}: unknown sizing '{bot.Sizing}' (fixed_quantity, fixed_quote, equity_fraction, risk_based)."),
        };
        var sizing = new PositionSizing(mode, bot.SizingValue);
        sizing.Validate();
        return sizing;
    }
}
