using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Execution;

/// <summary>
/// The paper venue of a USDⓈ-M bot: one-way mode on one symbol, isolated margin, a market order filled at the next candle's
/// open by the same <see cref="FillModel"/> as a backtest. Each candle, in the futures backtest's order (docs/futures.md,
/// "Backtests"): funding settles at the candle holding a settlement time, at its open as the mark; the pending order fills
/// at the open paying the taker fee; then the candle's low (long) or high (short) is checked against the liquidation price.
/// It books into the <see cref="FuturesAccount"/> it is given and reports each booking; not thread-safe.
/// </summary>
public sealed class SimulatedFuturesBook
{
    private readonly FuturesAccount _account;
    private readonly FillModel _fills;
    private readonly SymbolFilters _filters;
    private readonly LeverageBrackets _brackets;
    private readonly FundingRates _funding;
    private FundingCursor _cursor;
    private bool _started;
    private FuturesOrderRequest _pending;

    public SimulatedFuturesBook(FuturesAccount account, FillModel fills, SymbolFilters filters, LeverageBrackets brackets, FundingRates funding)
    {
        _account = account ?? throw new ArgumentNullException(nameof(account));
        _fills = fills ?? throw new ArgumentNullException(nameof(fills));
        _filters = filters ?? throw new ArgumentNullException(nameof(filters));
        _brackets = brackets ?? throw new ArgumentNullException(nameof(brackets));
        _funding = funding ?? throw new ArgumentNullException(nameof(funding));
        Symbol = brackets.Symbol;
    }

    public Symbol Symbol { get; }

    /// <summary>The id of the order waiting for the next candle's open; null when none.</summary>
    public string? PendingOrderId { get; private set; }

    public FuturesPosition? Position => _account.Find(Symbol, PositionSide.Both);

    /// <summary>Settlements before <paramref name="fromMs"/> are not this book's (a restart resumes after the last one booked).</summary>
    public void StartFundingAt(long fromMs)
    {
        _cursor = _funding.Start(fromMs);
        _started = true;
    }

    /// <summary>Accepts a market order; it fills at the next candle's open. One order at a time, as in a backtest.</summary>
    public void Submit(string orderId, in FuturesOrderRequest order)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        if (PendingOrderId is not null) throw new InvalidOperationException($"order {PendingOrderId} is still pending on {Symbol}");
        _pending = order;
        PendingOrderId = orderId;
    }

    /// <summary>The candle's funding, pending fill and liquidation check, in that order, appended to <paramref name="events"/>.</summary>
    public void OnCandle(in Candle candle, List<FuturesBookEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (candle.Symbol != Symbol) return;
        if (!_started) StartFundingAt(candle.OpenTimeMs);
        while (_cursor.NextMs <= candle.CloseTimeMs)
        {
            if (Position is { } held)
            {
                var payment = _account.SettleFunding(held, _cursor.Rate, candle.Open, DateTimeOffset.FromUnixTimeMilliseconds(_cursor.NextMs));
                events.Add(new FuturesBookEvent(FuturesBookEventKind.Funding, payment.Time, Funding: payment));
            }
            _cursor.Advance();
        }
        if (PendingOrderId is not null) FillPending(candle, events);
        if (Position is { } p && p.IsLiquidatedBy(candle.Low, candle.High))
        {
            var (side, price, quantity) = (p.IsLong ? OrderSide.Sell : OrderSide.Buy, p.LiquidationPrice, p.Quantity);
            var loss = _account.Liquidate(p);
            events.Add(new FuturesBookEvent(FuturesBookEventKind.Liquidation, candle.CloseTime, null, side, price, quantity, 0m, loss, ReduceOnly: true));
        }
    }

    private void FillPending(in Candle candle, List<FuturesBookEvent> events)
    {
        var order = _pending;
        var id = PendingOrderId!;
        PendingOrderId = null;
        var position = Position;
        var fill = FuturesMarketFill.At(order, position, _account.AvailableBalance, _fills, _filters, candle.Open);
        if (fill.Expired is { } reason)
        {
            events.Add(new FuturesBookEvent(FuturesBookEventKind.Expired, candle.OpenTime, id, fill.Side, Reason: reason));
            return;
        }
        if (order.ReduceOnly)
        {
            var pnl = _account.Reduce(position!, fill.Quantity, fill.Price, fill.Fee);
            events.Add(new FuturesBookEvent(FuturesBookEventKind.Fill, candle.OpenTime, id, fill.Side, fill.Price, fill.Quantity, fill.Fee, pnl, ReduceOnly: true));
            return;
        }
        _account.Open(Symbol, PositionSide.Both, order.Direction, fill.Quantity, fill.Price, fill.Fee, order.Leverage, _brackets, candle.OpenTime);
        events.Add(new FuturesBookEvent(FuturesBookEventKind.Fill, candle.OpenTime, id, fill.Side, fill.Price, fill.Quantity, fill.Fee));
    }
}
