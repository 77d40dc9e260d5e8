using Trading.Core.Model;

namespace Trading.Services.Tests.Backtesting.Golden;

/// <summary>
/// A second, independent backtester for the golden-master tests: a plain loop written from the documented rules
/// (docs/backtesting.md), sharing no code with the engine. A decision at candle i's close is a market order that fills
/// at candle i+1's open moved by the slippage against the trader and put on the 0.01 tick (up for buys, down for sells);
/// the fee is notional × fee rate in USDT; a sell never exceeds the position; realised PnL is average-cost with the buy
/// fees in the cost.
/// </summary>
internal sealed class ReferenceBacktest(decimal initialBalance, decimal feeBps, decimal slippageBps)
{
    private readonly double _initial = (double)initialBalance;

    private const decimal Tick = 0.01m;

    public decimal Cash { get; private set; } = initialBalance;
    public decimal Position { get; private set; }
    public decimal Fees { get; private set; }
    public int Fills { get; private set; }
    public List<decimal> TradePnls { get; } = [];
    public List<double> Equity { get; } = [];
    public int CandlesInPosition { get; private set; }

    /// <summary>Runs <paramref name="decide"/> (candle index, position → side and quantity, or null) over the candles.</summary>
    public ReferenceBacktest Run(Candle[] candles, Func<int, decimal, (OrderSide Side, decimal Quantity)?> decide)
    {
        var cost = 0m; // what the held quantity cost, buy fees included
        (OrderSide Side, decimal Quantity)? pending = null;
        for (var i = 0; i < candles.Length; i++)
        {
            if (pending is { } order)
            {
                var open = candles[i].Open;
                var slip = slippageBps / 10_000m;
                var price = order.Side == OrderSide.Buy
                    ? Math.Ceiling(open * (1 + slip) / Tick) * Tick
                    : Math.Floor(open * (1 - slip) / Tick) * Tick;
                var quantity = order.Side == OrderSide.Buy ? order.Quantity : Math.Min(order.Quantity, Position);
                var fee = quantity * price * feeBps / 10_000m;
                Fees += fee;
                Fills++;
                if (order.Side == OrderSide.Buy)
                {
                    Cash -= quantity * price + fee;
                    cost += quantity * price + fee;
                    Position += quantity;
                }
                else
                {
                    var costOut = quantity == Position ? cost : cost * quantity / Position;
                    TradePnls.Add(quantity * price - fee - costOut);
                    Cash += quantity * price - fee;
                    cost -= costOut;
                    Position -= quantity;
                }
                pending = null;
            }
            if (Position > 0) CandlesInPosition++;
            Equity.Add((double)(Cash + Position * candles[i].Close));
            pending = decide(i, Position);
            if (pending is { Side: OrderSide.Sell } && Position <= 0) pending = null;
        }
        FinalBalance = Cash + Position * candles[^1].Close;
        return this;
    }

    public decimal FinalBalance { get; private set; }

    public double WinRate => TradePnls.Count == 0 ? 0 : (double)TradePnls.Count(p => p > 0) / TradePnls.Count;

    public double MaxDrawdown
    {
        get
        {
            double peak = _initial, worst = 0;
            foreach (var e in Equity)
            {
                peak = Math.Max(peak, e);
                worst = Math.Max(worst, (peak - e) / peak);
            }
            return worst;
        }
    }

    /// <summary>Mean over sample standard deviation of the per-minute equity returns, × √(minutes in 365 days).</summary>
    public double Sharpe
    {
        get
        {
            var returns = new double[Equity.Count];
            var previous = _initial;
            for (var i = 0; i < Equity.Count; i++)
            {
                returns[i] = Equity[i] / previous - 1;
                previous = Equity[i];
            }
            var mean = returns.Average();
            var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1);
            return variance == 0 ? 0 : mean / Math.Sqrt(variance) * Math.Sqrt(365.0 * 24 * 60);
        }
    }
}
