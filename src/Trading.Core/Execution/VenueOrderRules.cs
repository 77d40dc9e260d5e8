using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>The exchange-side validation of an incoming order against the symbol's filters, as Binance answers it.</summary>
public static class VenueOrderRules
{
    /// <summary>The first reason the venue would refuse the order, or null. <paramref name="lastPrice"/> values market orders (0 = unknown).</summary>
    public static string? FindProblem(Order order, SymbolFilters filters, decimal lastPrice)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(filters);
        if (order.Quantity <= 0) return $"quantity must be positive, got {order.Quantity}";
        if (order.Type == OrderType.Limit && order.Price is not > 0) return "a limit order needs a positive price";
        if (!filters.IsOnStep(order.Quantity)) return $"quantity {order.Quantity} is not a multiple of the step size {filters.StepSize}";
        if (order.Quantity < filters.MinQuantity) return $"quantity {order.Quantity} is below the minimum {filters.MinQuantity}";
        if (filters.MaxQuantity > 0 && order.Quantity > filters.MaxQuantity) return $"quantity {order.Quantity} is above the maximum {filters.MaxQuantity}";
        if (order.Type == OrderType.Limit)
        {
            var price = order.Price!.Value;
            if (!filters.IsOnTick(price)) return $"price {price} is not a multiple of the tick size {filters.TickSize}";
            if (price < filters.MinPrice) return $"price {price} is below the minimum {filters.MinPrice}";
            if (filters.MaxPrice > 0 && price > filters.MaxPrice) return $"price {price} is above the maximum {filters.MaxPrice}";
        }
        else if (lastPrice <= 0)
        {
            return "no market price yet for a market order";
        }
        var reference = order.Type == OrderType.Limit ? order.Price!.Value : lastPrice;
        var notional = order.Quantity * reference;
        if (notional < filters.MinNotional) return $"notional {notional} is below the minimum {filters.MinNotional}";
        if (filters.MaxNotional > 0 && notional > filters.MaxNotional) return $"notional {notional} is above the maximum {filters.MaxNotional}";
        return null;
    }
}
