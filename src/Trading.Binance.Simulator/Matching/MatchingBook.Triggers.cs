using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>Stop and take-profit orders: they wait, locked, until the replayed price reaches their stop price, then work.</summary>
internal sealed partial class MatchingBook
{
    /// <summary>
    /// Whether a price range reaches the stop: a sell stop-loss and a buy take-profit trigger at or below it, a buy stop-loss
    /// and a sell take-profit at or above it.
    /// </summary>
    private static bool StopTriggers(OrderSide side, bool isStopLoss, decimal stop, decimal low, decimal high) =>
        (side == OrderSide.Buy) == isStopLoss ? high >= stop : low <= stop;

    private static bool IsStopLoss(SimulatedOrder order) => order.TypeName.StartsWith("STOP_LOSS", StringComparison.Ordinal);

    /// <summary>Triggers the waiting orders of the symbol the price range reaches: at <paramref name="at"/>, or at their stop price when null.</summary>
    private void TriggerWaiting(Symbol symbol, decimal low, decimal high, decimal? at, long nowMs, List<byte[]> events)
    {
        foreach (var order in _open.Where(o => o.Symbol == symbol && !o.IsWorking).ToList())
        {
            if (!order.IsOpen || !StopTriggers(order.Side, IsStopLoss(order), order.StopPrice, low, high)) continue;
            Trigger(order, at ?? order.StopPrice, nowMs, events);
        }
    }

    /// <summary>
    /// The order starts working at <paramref name="price"/>: its order list's other legs expire (OCO_TRIGGER), it reports
    /// NEW with isWorking, then executes as the MARKET or LIMIT order it becomes (expiring when the balance no longer covers it).
    /// </summary>
    private void Trigger(SimulatedOrder order, decimal price, long nowMs, List<byte[]> events)
    {
        ExpireSiblings(order, nowMs, events);
        if (order.Locked > 0) Account.Unlock(order.Side == OrderSide.Buy ? order.QuoteAsset : order.BaseAsset, order.Locked);
        order.Locked = 0;
        order.WorkingTimeMs = nowMs;
        order.UpdateTimeMs = nowMs;
        events.Add(UserDataJson.ExecutionReport(order, "NEW", null, nowMs));
        _lastPrices[order.Symbol] = price;
        var plan = Plan(order.Symbol, order.Side, order.Quantity - order.ExecutedQuantity, null, order.Type == OrderType.Limit ? order.Price : null, order.TimeInForce);
        var asset = order.Side == OrderSide.Buy ? order.QuoteAsset : order.BaseAsset;
        if (Account.Free(asset) < plan.Needed) Close(order, "EXPIRED", nowMs, events);
        else Execute(order, plan, holdsLock: true, nowMs, events);
    }
}

/// <summary>What a working order takes from the book, its total quantity, whether the rest rests, and the balance it needs.</summary>
internal readonly record struct ExecutionPlan(List<BookLevel> Takes, decimal Taken, decimal Quantity, bool Rests, decimal Needed);
