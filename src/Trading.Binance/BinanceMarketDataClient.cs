using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Trading.Binance.Errors;
using Trading.Binance.Http;
using Trading.Binance.Json;
using Trading.Core.Model;

namespace Trading.Binance;

/// <summary>Binance spot market data over REST: ping, server time, exchangeInfo (cached) and paginated klines.</summary>
public sealed class BinanceMarketDataClient
{
    public const int MaxKlinesPerRequest = 1000;
    private const int KlinesWeight = 2;
    private const int ExchangeInfoWeight = 20;
    private const int BookTickerWeight = 2;

    private readonly BinanceHttpSender _sender;
    private readonly BinanceClientOptions _options;
    private readonly SemaphoreSlim _exchangeInfoLock = new(1, 1);
    private (ExchangeInfo Info, DateTimeOffset FetchedAt)? _exchangeInfo;

    /// <param name="logger">Gets the warning when a request has to wait for the request-weight budget.</param>
    public BinanceMarketDataClient(HttpClient http, BinanceClientOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        _options = options;
        _sender = new BinanceHttpSender(http, options, time, logger);
    }

    public Uri BaseUrl => _options.BaseUrl;

    public RateLimiting.BinanceRequestBudget Budget => _sender.Budget;

    public async Task PingAsync(CancellationToken ct = default) => await _sender.GetAsync("/api/v3/ping", 1, ct);

    public async Task<DateTimeOffset> GetServerTimeAsync(CancellationToken ct = default)
    {
        var body = await _sender.GetAsync("/api/v3/time", 1, ct);
        var dto = Deserialize(body, BinanceJsonContext.Default.ServerTimeDto, "time");
        return dto.ServerTime > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds(dto.ServerTime)
            : throw new BinanceMalformedResponseException("Malformed Binance time payload: serverTime is missing.");
    }

    /// <summary>Server time minus local time, measured at the midpoint of the round trip.</summary>
    public async Task<TimeSpan> GetClockOffsetAsync(CancellationToken ct = default)
    {
        var before = _sender.Time.GetUtcNow();
        var server = await GetServerTimeAsync(ct);
        var after = _sender.Time.GetUtcNow();
        return server - (before + (after - before) / 2);
    }

    public async Task<ExchangeInfo> GetExchangeInfoAsync(CancellationToken ct = default)
    {
        await _exchangeInfoLock.WaitAsync(ct);
        try
        {
            var now = _sender.Time.GetUtcNow();
            if (_exchangeInfo is { } cached && now - cached.FetchedAt < _options.ExchangeInfoCacheDuration) return cached.Info;
            var body = await _sender.GetAsync("/api/v3/exchangeInfo", ExchangeInfoWeight, ct);
            var info = ExchangeInfoReader.Read(body);
            if (info.RequestWeightPerMinute is { } limit) Budget.WeightLimit = Math.Min(Budget.WeightLimit, limit);
            _exchangeInfo = (info, now);
            return info;
        }
        finally
        {
            _exchangeInfoLock.Release();
        }
    }

    /// <summary>The symbol's status and filters; an unknown symbol is Binance's -1121.</summary>
    public async Task<SymbolInfo> GetSymbolInfoAsync(Symbol symbol, CancellationToken ct = default)
    {
        var info = await GetExchangeInfoAsync(ct);
        return info.Symbols.TryGetValue(symbol, out var symbolInfo)
            ? symbolInfo
            : throw new BinanceApiException(400, BinanceApiException.InvalidSymbol, $"Invalid symbol {symbol}.");
    }

    /// <summary>GET /api/v3/ticker/bookTicker: the best bid and ask of <paramref name="symbol"/> (weight 2).</summary>
    public async Task<(decimal Bid, decimal Ask)> GetBookTickerAsync(Symbol symbol, CancellationToken ct = default)
    {
        var body = await _sender.GetAsync($"/api/v3/ticker/bookTicker?symbol={symbol.Name}", BookTickerWeight, ct);
        var dto = Deserialize(body, BinanceJsonContext.Default.BookTickerDto, "bookTicker");
        return (BinanceDecimal.Parse(dto.BidPrice, "bidPrice"), BinanceDecimal.Parse(dto.AskPrice, "askPrice"));
    }

    /// <summary>One page of klines with startMs ≤ open time ≤ endMs, at most <paramref name="limit"/> rows.</summary>
    public async Task<IReadOnlyList<Candle>> GetKlinesAsync(
        Symbol symbol, Timeframe timeframe, long? startMs, long? endMs, int limit = MaxKlinesPerRequest, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxKlinesPerRequest);
        var query = string.Create(CultureInfo.InvariantCulture,
            $"/api/v3/klines?symbol={symbol.Name}&interval={timeframe.Name}&limit={limit}{(startMs is { } s ? $"&startTime={s}" : "")}{(endMs is { } e ? $"&endTime={e}" : "")}");
        var body = await _sender.GetAsync(query, KlinesWeight, ct);
        var candles = KlineArrayReader.Read(body, symbol, timeframe);
        if (candles.Count > 0 && (candles[0].OpenTimeMs < startMs || candles[^1].OpenTimeMs > endMs))
            throw new BinanceMalformedResponseException($"Malformed Binance klines payload: rows outside the requested span for {symbol} {timeframe}.");
        return candles;
    }

    /// <summary>Every kline from <paramref name="fromMs"/> to <paramref name="toMs"/> (open times, inclusive), one page at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<Candle>> StreamKlinesAsync(
        Symbol symbol, Timeframe timeframe, long fromMs, long? toMs, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var cursor = timeframe.AlignDown(fromMs) < fromMs ? timeframe.AlignDown(fromMs) + timeframe.DurationMs : fromMs;
        while (toMs is null || cursor <= toMs)
        {
            var page = await GetKlinesAsync(symbol, timeframe, cursor, toMs, MaxKlinesPerRequest, ct);
            if (page.Count == 0) yield break;
            yield return page;
            cursor = page[^1].OpenTimeMs + timeframe.DurationMs;
            if (page.Count < MaxKlinesPerRequest) yield break;
        }
    }

    private static T Deserialize<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new BinanceMalformedResponseException($"Malformed Binance {what} payload: empty body.");
        }
        catch (JsonException ex)
        {
            throw new BinanceMalformedResponseException($"Malformed Binance {what} payload: {ex.Message}", ex);
        }
    }
}
