using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Trading.Binance;
using Trading.Binance.Errors;
using Trading.Binance.Streams;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.MarketData;

/// <summary>
/// Live candles from the combined kline stream. After every (re)connect it backfills from the last stored bar over
/// REST before reading the stream, so the stored series has no hole. Closed bars (k.x) are stored, then published on
/// candles.{SYMBOL}; open bars go to candles.open.{SYMBOL}. Drops reconnect with exponential backoff and jitter;
/// serverShutdown and the 24-hour limit reconnect at once. Malformed frames are logged and skipped.
/// </summary>
public sealed class CandleCollector(
    BinanceMarketDataClient client,
    ICandleStore store,
    IMessageBus bus,
    MarketConnectionHealth health,
    CollectorOptions options,
    ILogger<CandleCollector> logger,
    TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly CandleBackfiller _backfiller = new(client, store);
    private readonly Dictionary<(Symbol, Timeframe), long> _lastStored = [];

    /// <summary>Malformed frames skipped so far.</summary>
    public int MalformedFrames { get; private set; }

    public int Reconnects { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var series in options.Series)
        {
            if (await store.GetLatestAsync(series.Symbol, series.Timeframe, ct) is { } latest)
                _lastStored[series] = latest.OpenTimeMs;
        }
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var reason = await RunConnectionAsync(ct);
                health.SetDisconnected(reason);
                logger.LogInformation("Market stream: {Reason}; reconnecting now", reason);
                failures = 0;
                wait = TimeSpan.Zero;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (BinanceBannedException ex)
            {
                health.SetDisconnected(ex.Message);
                logger.LogError("{Message}", ex.Message);
                wait = ex.BannedUntil - _time.GetUtcNow();
            }
            catch (Exception ex) when (ex is WebSocketException or BinanceUnavailableException or HttpRequestException
                                           or IOException or BinanceMalformedResponseException or InvalidCandleException)
            {
                health.SetDisconnected(ex.Message);
                wait = Backoff(failures++);
                logger.LogWarning("Market stream lost: {Error}; reconnecting in {Delay:0.###}s", ex.Message, wait.TotalSeconds);
            }
            Reconnects++;
            Observability.TradingMetrics.WsReconnects.Add(1);
            try
            {
                if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
        }
        health.SetDisconnected("collector stopped");
    }

    /// <summary>One connection: connect, fill the gap, then read until it ends. Returns why it ended cleanly.</summary>
    private async Task<string> RunConnectionAsync(CancellationToken ct)
    {
        await using var stream = await BinanceKlineStream.ConnectAsync(options.WebSocketUrl, options.Series, ct);
        foreach (var series in options.Series) await BackfillAsync(series.Symbol, series.Timeframe, null, ct);
        health.SetConnected();
        logger.LogInformation("Market stream connected: {Count} series, backfilled", options.Series.Count);

        using var maxAge = new CancellationTokenSource(options.MaxConnectionAge, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, maxAge.Token);
        while (true)
        {
            StreamMessage? message;
            try
            {
                message = await stream.ReceiveAsync(linked.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException && maxAge.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                return "connection reached its maximum age";
            }
            switch (message)
            {
                case null:
                    throw new WebSocketException("the server closed the stream");
                case ServerShutdown:
                    return "server announced shutdown";
                case KlineUpdate { IsClosed: true } closed:
                    await OnClosedAsync(closed.Candle, ct);
                    break;
                case KlineUpdate open:
                    await bus.PublishAsync(StreamNames.OpenCandles(open.Candle.Symbol),
                        MessageEnvelope.Create(CandleMessage.OpenType, CandleMessage.From(open.Candle, false), _time.GetUtcNow()), ct);
                    break;
                case MalformedFrame bad:
                    MalformedFrames++;
                    logger.LogWarning("Skipped a malformed stream frame: {Reason}", bad.Reason);
                    break;
            }
        }
    }

    private async Task OnClosedAsync(Candle candle, CancellationToken ct)
    {
        var key = (candle.Symbol, candle.Timeframe);
        var last = _lastStored.TryGetValue(key, out var value) ? value : (long?)null;
        if (candle.OpenTimeMs <= last) return;
        if (last is { } previous && candle.OpenTimeMs > previous + candle.Timeframe.DurationMs)
            await BackfillAsync(candle.Symbol, candle.Timeframe, candle.OpenTimeMs - 1, ct);
        await StoreAndPublishAsync([candle], ct);
    }

    private async Task BackfillAsync(Symbol symbol, Timeframe timeframe, long? toMs, CancellationToken ct)
    {
        long fromMs;
        if (_lastStored.TryGetValue((symbol, timeframe), out var last)) fromMs = last + timeframe.DurationMs;
        else if (options.BackfillFromMs is { } configured) fromMs = configured;
        else fromMs = timeframe.AlignDown(_time.GetUtcNow().ToUnixTimeMilliseconds()) - BinanceMarketDataClient.MaxKlinesPerRequest * timeframe.DurationMs;
        if (toMs < fromMs) return;
        var stored = await _backfiller.RunAsync(symbol, timeframe, fromMs, toMs, PublishAsync, ct);
        if (stored > 0) logger.LogInformation("Backfilled {Count} {Symbol} {Timeframe} candles from REST", stored, symbol, timeframe);
    }

    private async Task StoreAndPublishAsync(IReadOnlyList<Candle> candles, CancellationToken ct)
    {
        await store.UpsertAsync(candles, ct);
        await PublishAsync(candles, ct);
    }

    private async ValueTask PublishAsync(IReadOnlyList<Candle> candles, CancellationToken ct)
    {
        foreach (var candle in candles)
        {
            var key = (candle.Symbol, candle.Timeframe);
            if (_lastStored.TryGetValue(key, out var last) && candle.OpenTimeMs <= last) continue;
            await bus.PublishAsync(StreamNames.Candles(candle.Symbol),
                MessageEnvelope.Create(CandleMessage.ClosedType, CandleMessage.From(candle, true), _time.GetUtcNow(), id: CandleMessage.ClosedId(candle)), ct);
            _lastStored[key] = candle.OpenTimeMs;
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var capped = Math.Min(options.ReconnectMaxDelay.TotalMilliseconds, options.ReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 20)));
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() * 0.5));
    }
}
