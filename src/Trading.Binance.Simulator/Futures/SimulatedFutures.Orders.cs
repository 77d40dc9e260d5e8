using Trading.Binance.Simulator.Matching;
using Trading.Core.Futures;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Futures;

/// <summary>Placement, cancellation and fills: a fill first reduces the opposite position, then opens or increases its side.</summary>
public sealed partial class SimulatedFutures
{
    internal FuturesOrder Place(Func<Func<string>, NewFuturesOrder> read)
    {
        lock (_lock)
        {
            var request = read(NextClientId);
            var s = State(request.Symbol);
            if (!s.Isolated) throw FuturesErrors.CrossMarginNotModelled();
            if (DualSidePosition == (request.PositionSide == PositionSide.Both)) throw FuturesErrors.PositionSideMismatch();
            var mark = s.Mark ?? throw new SimulatorRejection(-2010, "The symbol has no price yet.");
            FuturesOrderParameters.CheckFilters(request, s.Info.Filters, request.Price ?? request.StopPrice ?? mark);
            if (_orders.Any(o => o.IsOpen && o.ClientOrderId == request.ClientOrderId)) throw new SimulatorRejection(-4116, "ClientOrderId is duplicated.");
            var order = new FuturesOrder(request, _nextOrderId, NowMs);
            CheckReduction(order, order.Quantity);
            if (order.Type == "STOP_MARKET" && Reached(order, mark, mark)) throw FuturesErrors.WouldTriggerImmediately();
            CheckOpening(order, s, request.Price ?? request.StopPrice ?? mark);
            _nextOrderId++;
            _orders.Add(order);
            if (order.Type == "MARKET") Take(order, s, mark, limit: null);
            else if (order.Type == "LIMIT") PlaceLimit(order, s, mark);
            return order.Snapshot();
        }
    }

    internal FuturesOrder Find(Symbol symbol, long? orderId, string? clientOrderId)
    {
        lock (_lock) return FindOrder(symbol, orderId, clientOrderId).Snapshot();
    }

    internal IReadOnlyList<FuturesOrder> OpenOrders(Symbol? symbol)
    {
        lock (_lock)
        {
            if (symbol is { } one) State(one);
            return _orders.Where(o => o.IsOpen && (symbol is null || o.Symbol == symbol)).Select(o => o.Snapshot()).ToList();
        }
    }

    internal FuturesOrder Cancel(Symbol symbol, long? orderId, string? clientOrderId)
    {
        lock (_lock)
        {
            var order = FindOrder(symbol, orderId, clientOrderId);
            if (!order.IsOpen) throw new SimulatorRejection(-2011, "Unknown order sent.");
            order.Status = "CANCELED";
            order.UpdateTimeMs = NowMs;
            return order.Snapshot();
        }
    }

    internal int CancelAll(Symbol symbol)
    {
        lock (_lock)
        {
            State(symbol);
            var open = _orders.Where(o => o.IsOpen && o.Symbol == symbol).ToList();
            foreach (var order in open)
            {
                order.Status = "CANCELED";
                order.UpdateTimeMs = NowMs;
            }
            return open.Count;
        }
    }

    private FuturesOrder FindOrder(Symbol symbol, long? orderId, string? clientOrderId)
    {
        State(symbol);
        if (orderId is null && clientOrderId is null) throw new SimulatorRejection(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        return _orders.LastOrDefault(o => o.Symbol == symbol && (orderId is null || o.OrderId == orderId) && (clientOrderId is null || o.ClientOrderId == clientOrderId))
            ?? throw new SimulatorRejection(-2013, "Order does not exist.");
    }

    /// <summary>The order's position: its own side in hedge mode, BOTH in one-way mode.</summary>
    private FuturesPosition? PositionOf(FuturesOrder order) => _account.Find(order.Symbol, order.PositionSide);

    /// <summary>A hedge-mode close: a SELL on the LONG side or a BUY on the SHORT side (it may only reduce that side).</summary>
    private static bool IsClosingSide(FuturesOrder order) =>
        order.PositionSide == PositionSide.Long ? order.Side == OrderSide.Sell : order.PositionSide == PositionSide.Short && order.Side == OrderSide.Buy;

    /// <summary>How much of <paramref name="quantity"/> reduces the position; what a reduce-only or hedge-mode close cannot reduce is refused with -2022.</summary>
    private decimal CheckReduction(FuturesOrder order, decimal quantity)
    {
        var position = PositionOf(order);
        var reducible = position is not null && position.Direction != order.Direction ? position.Quantity : 0m;
        if ((order.ReduceOnly || IsClosingSide(order)) && quantity > reducible) throw FuturesErrors.ReduceOnlyRejected();
        return Math.Min(quantity, reducible);
    }

    /// <summary>The opening part's checks at <paramref name="price"/>: the leverage's notional cap (-2027) and the initial margin plus fee (-2019).</summary>
    private void CheckOpening(FuturesOrder order, FuturesSymbolState s, decimal price)
    {
        var opening = order.Remaining - CheckReduction(order, order.Remaining);
        if (opening <= 0) return;
        var held = PositionOf(order) is { } p && p.Direction == order.Direction ? p.Quantity : 0m;
        if ((held + opening) * price > s.MaxNotional) throw FuturesErrors.AboveMaxPosition();
        var leverage = PositionOf(order) is { } same && same.Direction == order.Direction ? same.Leverage : s.Leverage;
        if (FuturesMath.InitialMargin(opening, price, leverage) + FuturesMath.Fee(opening, price, Options.TakerFeeRate) > _account.AvailableBalance)
            throw FuturesErrors.MarginInsufficient();
    }

    private void PlaceLimit(FuturesOrder order, FuturesSymbolState s, decimal mark)
    {
        var limit = order.Price!.Value;
        var best = BookModel.Side(order.Side, mark, s.BarVolume, s.Info.Filters, _trading)[0].Price;
        var crosses = order.Side == OrderSide.Buy ? limit >= best : limit <= best;
        var timeInForce = order.Request.TimeInForce;
        if (timeInForce == "GTX" && crosses)
        {
            order.Status = "EXPIRED";
            return;
        }
        if (timeInForce == "FOK" && !crosses)
        {
            order.Status = "EXPIRED";
            return;
        }
        if (crosses) Take(order, s, mark, limit);
        if (order.IsOpen && timeInForce is "IOC" or "FOK") order.Status = "EXPIRED";
    }

    /// <summary>A taker: walks the modelled book around <paramref name="around"/> (the spot simulator's book), up to the limit; what it cannot fill expires unless it may rest.</summary>
    private void Take(FuturesOrder order, FuturesSymbolState s, decimal around, decimal? limit)
    {
        var side = BookModel.Side(order.Side, around, s.BarVolume, s.Info.Filters, _trading);
        foreach (var level in BookModel.Walk(side, order.Side, order.Remaining, null, limit, s.Info.Filters))
        {
            if (!Fill(order, s, level.Quantity, level.Price, maker: false)) return;
        }
        if (order.IsOpen && order.Type != "LIMIT") Expire(order);
    }

    /// <summary>Books a fill through the core account: the reducing part realizes PnL, the rest opens at the symbol's leverage. False when the order ended.</summary>
    private bool Fill(FuturesOrder order, FuturesSymbolState s, decimal quantity, decimal price, bool maker)
    {
        var position = PositionOf(order);
        var reducing = position is not null && position.Direction != order.Direction ? Math.Min(quantity, position.Quantity) : 0m;
        var opening = order.ReduceOnly || IsClosingSide(order) ? 0m : quantity - reducing;
        if (reducing + opening == 0m)
        {
            Expire(order);
            return false;
        }
        var rate = maker ? Options.MakerFeeRate : Options.TakerFeeRate;
        var leverage = position is not null && position.Direction == order.Direction ? position.Leverage : s.Leverage;
        var openingFee = FuturesMath.Fee(opening, price, rate);
        if (opening > 0 && FuturesMath.InitialMargin(opening, price, leverage) + openingFee > _account.AvailableBalance + (reducing > 0 ? position!.IsolatedMargin * reducing / position.Quantity : 0m))
        {
            opening = 0m;
            if (reducing == 0m)
            {
                Expire(order);
                return false;
            }
        }
        var now = NowMs;
        if (reducing > 0)
        {
            var fee = FuturesMath.Fee(reducing, price, rate);
            var pnl = _account.Reduce(position!, reducing, price, fee);
            AddIncome(order.Symbol, "REALIZED_PNL", pnl, now, order.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            AddIncome(order.Symbol, "COMMISSION", -fee, now);
        }
        if (opening > 0)
        {
            _account.Open(order.Symbol, order.PositionSide, order.Direction, opening, price, openingFee, leverage, s.Brackets,
                DateTimeOffset.FromUnixTimeMilliseconds(now));
            AddIncome(order.Symbol, "COMMISSION", -openingFee, now);
        }
        var filled = reducing + opening;
        order.ExecutedQuantity += filled;
        order.CumulativeQuote += filled * price;
        order.UpdateTimeMs = now;
        order.Status = order.Remaining == 0 ? "FILLED" : "PARTIALLY_FILLED";
        if (filled < quantity)
        {
            Expire(order);
            return false;
        }
        return true;
    }

    private void Expire(FuturesOrder order)
    {
        order.Status = "EXPIRED";
        order.UpdateTimeMs = NowMs;
    }

    /// <summary>A buy stop triggers when the price rises to it, a sell stop when it falls to it.</summary>
    private static bool Reached(FuturesOrder order, decimal low, decimal high) =>
        order.Side == OrderSide.Buy ? high >= order.StopPrice : low <= order.StopPrice;
}
