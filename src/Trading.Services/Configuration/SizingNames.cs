using Trading.Core.Risk;

namespace Trading.Services.Configuration;

/// <summary>The names a sizing rule is written with in settings and bot files (fixed_quantity, fixed_quote, equity_fraction, risk_based).</summary>
public static class SizingNames
{
    public const string Choices = "fixed_quantity, fixed_quote, equity_fraction, risk_based";

    public static bool TryParse(string? text, out PositionSizingMode mode)
    {
        PositionSizingMode? parsed = text?.Trim().ToLowerInvariant() switch
        {
            "fixed_quantity" or "quantity" => PositionSizingMode.FixedQuantity,
            "fixed_quote" or "quote" or "fixed_amount" => PositionSizingMode.FixedQuote,
            "equity_fraction" or "percent_equity" or "fraction" => PositionSizingMode.EquityFraction,
            "risk_based" or "risk" => PositionSizingMode.RiskBased,
            _ => null,
        };
        mode = parsed ?? default;
        return parsed is not null;
    }

    public static string Name(PositionSizingMode mode) => mode switch
    {
        PositionSizingMode.FixedQuantity => "fixed_quantity",
        PositionSizingMode.FixedQuote => "fixed_quote",
        PositionSizingMode.EquityFraction => "equity_fraction",
        _ => "risk_based",
    };

    /// <summary>Why <paramref name="value"/> cannot size with <paramref name="mode"/>, or null when it can.</summary>
    public static string? Problem(PositionSizingMode mode, decimal value)
    {
        try
        {
            new PositionSizing(mode, value).Validate();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
