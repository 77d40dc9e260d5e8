using Trading.Core.Futures;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Futures;

/// <summary>
/// The replay's effect on futures, in the backtester's order (docs/futures.md, "Backtests"): as a bar opens, funding settles
/// for every settlement up to its close with its open as the mark, resting orders its open crosses fill there, and a
/// position whose liquidation price the open reached is liquidated; as it closes, orders its range reached fill, then
/// its low (long) or high (short) is checked against the liquidation price, and its close becomes the mark.
/// </summary>
public sealed partial class SimulatedFutures
{
    internal void OnCandle(Candle bar, bool closed)
    {
        if (!_symbols.TryGetValue(bar.Symbol, out var s) || PricingSeries(bar.Symbol)?.Timeframe != bar.Timeframe) return;
        lock (_lock)
        {
            if (!closed)
            {
                Settle(s, bar);
                MarkAt(s, bar.Open);
                FillResting(s, bar.Open, bar.Open, atOpen: true);
                Liquidate(s, bar.Open, bar.Open, bar.OpenTimeMs);
            }
            else
            {
                FillResting(s, bar.Low, bar.High, atOpen: false);
                Liquidate(s, bar.Low, bar.High, bar.CloseTimeMs);
                MarkAt(s, bar.Close);
                s.BarVolume = bar.Volume;
            }
        }
    }

    private void MarkAt(FuturesSymbolState s, decimal price)
    {
        s.Mark = price;
        _account.Mark(s.Symbol, price);
    }

    /// <summary>Every settlement up to the bar's close, at its open as the mark: longs pay a positive rate, shorts receive it.</summary>
    private void Settle(FuturesSymbolState s, Candle bar)
    {
        while (s.Cursor.NextMs != 0 && s.Cursor.NextMs <= bar.CloseTimeMs)
        {
            var at = s.Cursor.NextMs;
            var rate = s.Cursor.Rate;
            s.Settlements.Add(new FundingSettlement(s.Symbol, at, rate, bar.Open));
            s.LastFundingRate = rate;
            foreach (var position in _account.Positions.Where(p => p.Symbol == s.Symbol).ToList())
            {
                var payment = _account.SettleFunding(position, rate, bar.Open, DateTimeOffset.FromUnixTimeMilliseconds(at));
                AddIncome(s.Symbol, "FUNDING_FEE", payment.Amount, at);
            }
            s.Cursor.Advance();
        }
    }

    /// <summary>
    /// Resting limits and stops, oldest first. At the open a crossed limit fills at the open and a reached stop works there;
    /// at the close a limit the range traded through fills at its limit (maker) and a reached stop works at its stop.
    /// </summary>
    private void FillResting(FuturesSymbolState s, decimal low, decimal high, bool atOpen)
    {
        foreach (var order in _orders.Where(o => o.IsOpen && o.Symbol == s.Symbol).ToList())
        {
            if (order.Type == "STOP_MARKET")
            {
                if (Reached(order, low, high)) Take(order, s, atOpen ? low : order.StopPrice!.Value, limit: null);
                continue;
            }
            var limit = order.Price!.Value;
            var crossed = order.Side == OrderSide.Buy ? low <= limit : high >= limit;
            if (crossed) Fill(order, s, order.Remaining, atOpen ? low : limit, maker: true);
        }
    }

    /// <summary>A position whose liquidation price the range reached is closed there and loses its whole isolated margin.</summary>
    private void Liquidate(FuturesSymbolState s, decimal low, decimal high, long timeMs)
    {
        foreach (var position in _account.Positions.Where(p => p.Symbol == s.Symbol && p.IsLiquidatedBy(low, high)).ToList())
        {
            var price = position.LiquidationPrice;
            var side = position.IsLong ? OrderSide.Sell : OrderSide.Buy;
            var request = new NewFuturesOrder(s.Symbol, side, "MARKET", position.PositionSide, position.Quantity, null, null, "IOC",
                position.PositionSide == PositionSide.Both, $"autoclose-{timeMs}");
            var order = new FuturesOrder(request, _nextOrderId++, NowMs)
            {
                IsLiquidation = true, Status = "FILLED", ExecutedQuantity = position.Quantity, CumulativeQuote = position.Quantity * price,
            };
            _orders.Add(order);
            var loss = _account.Liquidate(position);
            AddIncome(s.Symbol, "REALIZED_PNL", loss, timeMs, "LIQUIDATION");
        }
    }
}
