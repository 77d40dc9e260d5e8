using Trading.Core.Model;

namespace Trading.Benchmarks;

/// <summary>
/// The baseline the engine is compared with: the `rsi` rule (period 14, cross 30/70, 0.001 per signal, sells capped at
/// the position) and the same fill rule (market at the next open ± slippage on the 0.01 tick, fee in USDT), written as
/// one plain loop with no strategy, venue, risk gate, portfolio or equity curve (a buy is skipped when the
/// cash cannot pay for it, as the risk gate's balance check does).
/// </summary>
internal static class HandWrittenRsiLoop
{
    public static decimal Run(Candle[] candles, decimal balance, decimal feeBps, decimal slippageBps)
    {
        const int period = 14;
        const decimal quantity = 0.001m, tick = 0.01m;
        decimal cash = balance, position = 0;
        var feeRate = feeBps / 10_000m;
        var slip = slippageBps / 10_000m;
        double gain = 0, loss = 0, previousClose = 0, previousRsi = double.NaN;
        var pending = 0; // +1 buy, -1 sell
        for (var i = 0; i < candles.Length; i++)
        {
            ref readonly var candle = ref candles[i];
            if (pending != 0)
            {
                var price = pending > 0
                    ? Math.Ceiling(candle.Open * (1 + slip) / tick) * tick
                    : Math.Floor(candle.Open * (1 - slip) / tick) * tick;
                var size = pending > 0 ? quantity : Math.Min(quantity, position);
                var notional = size * price;
                cash += pending > 0 ? -notional - notional * feeRate : notional - notional * feeRate;
                position += pending > 0 ? size : -size;
                pending = 0;
            }
            var close = (double)candle.Close;
            var change = close - previousClose;
            previousClose = close;
            if (i == 0) continue;
            double up = change > 0 ? change : 0, down = change < 0 ? -change : 0;
            if (i < period)
            {
                gain += up;
                loss += down;
                continue;
            }
            if (i == period)
            {
                gain = (gain + up) / period;
                loss = (loss + down) / period;
            }
            else
            {
                gain = (gain * (period - 1) + up) / period;
                loss = (loss * (period - 1) + down) / period;
            }
            var rsi = gain + loss == 0 ? 0 : 100 * (gain / (gain + loss));
            if (rsi < 30 && previousRsi >= 30 && quantity * candle.Close * (1 + feeRate) <= cash) pending = 1; // the balance check
            else if (rsi > 70 && previousRsi <= 70 && position > 0) pending = -1;
            previousRsi = rsi;
        }
        return cash + position * candles[^1].Close;
    }
}
