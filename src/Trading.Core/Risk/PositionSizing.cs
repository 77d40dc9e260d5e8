using Trading.Core.Model;

namespace Trading.Core.Risk;

public enum PositionSizingMode
{
    /// <summary>Always <see cref="PositionSizing.Value"/> units of the base asset.</summary>
    FixedQuantity,

    /// <summary><see cref="PositionSizing.Value"/> of the quote asset, divided by the entry price.</summary>
    FixedQuote,

    /// <summary><see cref="PositionSizing.Value"/> (0..1) of equity, divided by the entry price.</summary>
    EquityFraction,

    /// <summary>Equity × <see cref="PositionSizing.Value"/> percent at risk ÷ |entry − stop|.</summary>
    RiskBased,
}

/// <summary>A bot's position sizing rule; every size is rounded down to the symbol's step.</summary>
public sealed record PositionSizing(PositionSizingMode Mode, decimal Value)
{
    public void Validate()
    {
        if (Value <= 0) throw new ArgumentException($"Position sizing {Mode} needs a positive value, got {Value}.");
        if (Mode == PositionSizingMode.EquityFraction && Value > 1) throw new ArgumentException($"An equity fraction must be within (0, 1], got {Value}.");
        if (Mode == PositionSizingMode.RiskBased && Value > 100) throw new ArgumentException($"Risk per trade must be within (0, 100] percent, got {Value}.");
    }

    /// <summary>The base quantity to buy, or 0 when the rule cannot size the trade (no stop for risk-based, stop at entry).</summary>
    public decimal Size(decimal equity, decimal entryPrice, decimal? stopPrice, SymbolFilters? filters)
    {
        if (entryPrice <= 0) throw new ArgumentOutOfRangeException(nameof(entryPrice), entryPrice, "The entry price must be positive.");
        var raw = Mode switch
        {
            PositionSizingMode.FixedQuantity => Value,
            PositionSizingMode.FixedQuote => Value / entryPrice,
            PositionSizingMode.EquityFraction => equity * Value / entryPrice,
            PositionSizingMode.RiskBased => stopPrice is { } stop && stop != entryPrice
                ? equity * Value / 100m / Math.Abs(entryPrice - stop)
                : 0m,
            _ => throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Unknown position sizing mode."),
        };
        var quantity = filters?.RoundQuantity(raw) ?? raw;
        return Math.Max(0m, quantity);
    }
}
