using Trading.Core.Model;

namespace Trading.Core.Risk;

public enum LimitTimeoutAction
{
    /// <summary>Not expired yet: leave the order alone.</summary>
    Wait,

    /// <summary>Cancel and place again at <see cref="LimitTimeoutDecision.NewPrice"/>.</summary>
    CancelAndReprice,

    /// <summary>Cancel and give up: the price ran away or the re-prices are used up.</summary>
    Abandon,
}

public readonly record struct LimitTimeoutDecision(LimitTimeoutAction Action, decimal NewPrice = 0m);

/// <summary>
/// What to do with an unfilled limit entry once it has rested for <paramref name="Timeout"/>: re-price it at the
/// latest market price (rounded to the tick) up to <paramref name="MaxReprices"/> times, or abandon it when the
/// market has moved more than <paramref name="AbandonMovePct"/> percent from the original signal price.
/// </summary>
public sealed record LimitEntryTimeoutPolicy(TimeSpan Timeout, decimal AbandonMovePct, int MaxReprices = 3)
{
    public LimitTimeoutDecision Decide(Order order, DateTimeOffset now, decimal latestPrice, decimal signalPrice, int repricesSoFar, decimal tickSize = 0m)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Type != OrderType.Limit || !order.IsOpen || now - order.CreatedAt < Timeout)
            return new LimitTimeoutDecision(LimitTimeoutAction.Wait);
        if (latestPrice <= 0 || signalPrice <= 0 || repricesSoFar >= MaxReprices
            || Math.Abs(latestPrice - signalPrice) * 100m > AbandonMovePct * signalPrice)
            return new LimitTimeoutDecision(LimitTimeoutAction.Abandon);

        var price = tickSize <= 0 ? latestPrice
            : order.Side == OrderSide.Buy ? Math.Floor(latestPrice / tickSize) * tickSize
            : Math.Ceiling(latestPrice / tickSize) * tickSize;
        return new LimitTimeoutDecision(LimitTimeoutAction.CancelAndReprice, price);
    }
}
