using Trading.Core.Model;

namespace Trading.Core.Risk;

/// <summary>
/// The gate's last check: round the quantity down to the step and a limit price to the tick (down for buys,
/// up for sells, so the rounding never works against the signal), then enforce the minimums and maximums.
/// </summary>
public static class ExchangeFilterCheck
{
    public static RiskDecision Apply(in OrderRequest request, SymbolFilters? filters, decimal referencePrice)
    {
        if (filters is null)
            return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"unknown symbol {request.Symbol}: no exchange filters");
        if (request.Quantity <= 0)
            return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"quantity must be positive, got {request.Quantity}");

        var quantity = StepRounding.Floor(request.Quantity, filters.StepSize);
        if (quantity <= 0 || quantity < filters.MinQuantity)
            return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"quantity {quantity} (rounded to step {filters.StepSize}) is below the minimum {filters.MinQuantity}");
        if (filters.MaxQuantity > 0 && quantity > filters.MaxQuantity)
            return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"quantity {quantity} is above the maximum {filters.MaxQuantity}");

        var price = 0m;
        if (request.LimitPrice is { } limit)
        {
            price = RoundPrice(request.Side, limit, filters.TickSize);
            if (price <= 0 || price < filters.MinPrice)
                return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"price {price} is below the minimum {filters.MinPrice}");
            if (filters.MaxPrice > 0 && price > filters.MaxPrice)
                return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"price {price} is above the maximum {filters.MaxPrice}");
        }

        var notional = quantity * (price > 0 ? price : referencePrice);
        if (notional < filters.MinNotional)
            return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"notional {notional} is below the minimum {filters.MinNotional}");
        if (filters.MaxNotional > 0 && notional > filters.MaxNotional)
            return RiskDecision.Denied(RiskCheck.ExchangeFilters, $"notional {notional} is above the maximum {filters.MaxNotional}");
        return RiskDecision.Allowed(quantity, price);
    }

    private static decimal RoundPrice(OrderSide side, decimal price, decimal tick)
    {
        return side == OrderSide.Buy ? StepRounding.Floor(price, tick) : StepRounding.Ceiling(price, tick);
    }
}
