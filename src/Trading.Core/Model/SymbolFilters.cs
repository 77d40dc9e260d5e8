using Trading.Core.Risk;

namespace Trading.Core.Model;

/// <summary>The exchange's PRICE_FILTER, LOT_SIZE and NOTIONAL rules for one symbol.</summary>
public sealed record SymbolFilters
{
    public decimal TickSize { get; init; }
    public decimal MinPrice { get; init; }
    public decimal MaxPrice { get; init; }
    public decimal StepSize { get; init; }
    public decimal MinQuantity { get; init; }
    public decimal MaxQuantity { get; init; }
    public decimal MinNotional { get; init; }
    public decimal MaxNotional { get; init; }

    /// <summary>Rounds a price down to the tick size (a zero tick means no rule).</summary>
    public decimal RoundPrice(decimal price) => TickSize > 0 ? StepRounding.FloorAsDivision(price, TickSize) : price;

    /// <summary>Rounds a quantity down to the step size, so an order never exceeds what was asked.</summary>
    public decimal RoundQuantity(decimal quantity) => StepSize > 0 ? StepRounding.FloorAsDivision(quantity, StepSize) : quantity;

    public bool IsOnTick(decimal price) => TickSize <= 0 || StepRounding.IsMultiple(price, TickSize);

    public bool IsOnStep(decimal quantity) => StepSize <= 0 || StepRounding.IsMultiple(quantity, StepSize);
}
