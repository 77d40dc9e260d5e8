using Trading.Core.Model;

namespace Trading.Binance.Simulator;

/// <summary>
/// Streams one series bar by bar: an open update (x=false), at a timed speed a mid-bar update, then the closed bar (x=true).
/// In as-fast-as-possible mode it waits for a listener before every bar, so a test sees every bar it was meant to.
/// </summary>
/// <remarks>
/// <paramref name="symbolTrades"/> are the symbol's synthetic trades (from its finest series): they give each kline its taker-buy
/// volumes, and when this is that series each closed bar's trades follow its kline on &lt;symbol&gt;@trade and @aggTrade.
/// </remarks>
internal sealed class KlineReplayer(
    SimulatedSeries series, StreamHub hub, SimulatorFaults faults, SimulatorOptions options, Matching.SimulatedExchange exchange, Futures.SimulatedFutures futures,
    SyntheticTrades? symbolTrades)
{
    private readonly SyntheticTrades? _trades = symbolTrades?.Series == series ? symbolTrades : null;

    private readonly string _tradeStream = $"{series.Symbol.Name.ToLowerInvariant()}@trade";
    private readonly string _aggTradeStream = $"{series.Symbol.Name.ToLowerInvariant()}@aggTrade";

    /// <summary>Events carry the wall time of their emission (the simulator's clock); the candles inside keep their own times.</summary>
    private long NowMs => options.Time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task RunAsync(CancellationToken ct)
    {
        var stream = series.StreamName;
        var started = false;
        while (!series.IsFinished)
        {
            if (options.Speed <= 0 || !started) await hub.WaitForSubscriberAsync(stream, ct);
            started = true;
            if (options.BeforeEachBar is { } beforeEachBar) await beforeEachBar(ct);
            var index = series.Cursor;
            var bar = series.Candles[index];
            var scheduled = faults.TakeScheduled(index);
            foreach (var fault in scheduled)
            {
                if (fault.Kind == StreamFaultKind.Malformed) await faults.SendMalformedFrameAsync(ct);
                if (fault.Kind == StreamFaultKind.ServerShutdown) await faults.SendServerShutdownAsync(ct);
            }

            var opening = bar with { High = bar.Open, Low = bar.Open, Close = bar.Open, Volume = 0, QuoteVolume = 0, TradeCount = 0 };
            await exchange.OnCandleAsync(bar, false, ct);
            futures.OnCandle(bar, false);
            await hub.BroadcastAsync(stream, SimulatorJson.KlineEvent(opening, false, NowMs), ct);

            if (scheduled.FirstOrDefault(f => f.Kind == StreamFaultKind.Drop) is { } drop)
            {
                hub.DropAll();
                if (drop.ThenHttp is { } http) faults.Enqueue(http);
                series.Advance(1 + drop.BarsWhileDisconnected);
                continue;
            }

            if (options.Speed > 0)
            {
                var half = TimeSpan.FromMilliseconds(bar.Timeframe.DurationMs / options.Speed / 2);
                await Task.Delay(half, options.Time, ct);
                await hub.BroadcastAsync(stream, SimulatorJson.KlineEvent(bar, false, NowMs, TakerBuy(bar)), ct);
                await Task.Delay(half, options.Time, ct);
            }
            series.Advance(1);
            await exchange.OnCandleAsync(bar, true, ct);
            futures.OnCandle(bar, true);
            await hub.BroadcastAsync(stream, SimulatorJson.KlineEvent(bar, true, NowMs, TakerBuy(bar)), ct);
            if (_trades is not null) await BroadcastTradesAsync(_trades.ForBar(index), ct);
        }
    }

    private (decimal Base, decimal Quote) TakerBuy(Candle bar) => symbolTrades?.TakerBuyVolume(bar) ?? default;

    private async Task BroadcastTradesAsync(IReadOnlyList<SyntheticTrade> barTrades, CancellationToken ct)
    {
        foreach (var trade in barTrades)
        {
            await hub.BroadcastAsync(_tradeStream, TradeJson.TradeEvent(series.Symbol, trade, NowMs), ct);
            await hub.BroadcastAsync(_aggTradeStream, TradeJson.AggTradeEvent(series.Symbol, trade, NowMs), ct);
        }
    }
}
