using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Trading.Binance.Errors;
using Trading.Binance.Json;
using Trading.Binance.RateLimiting;

namespace Trading.Binance.Http;

/// <summary>
/// Sends GETs to Binance through the shared weight budget, retrying 5xx, 429, timeouts and network errors with
/// exponential backoff and jitter until a bounded total time. 418 and Binance error bodies are never retried.
/// </summary>
public sealed class BinanceHttpSender
{
    private readonly HttpClient _http;
    private readonly BinanceClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger? _logger;

    public BinanceHttpSender(HttpClient http, BinanceClientOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        _logger = logger;
        _http = http;
        _options = options;
        _time = time ?? TimeProvider.System;
        Budget = BinanceRequestBudget.For(options.BaseUrl);
        _pipeline = BuildPipeline();
    }

    public BinanceRequestBudget Budget { get; }

    public TimeProvider Time => _time;

    /// <summary>GETs <paramref name="pathAndQuery"/> and returns the body of the 2xx answer.</summary>
    public async Task<byte[]> GetAsync(string pathAndQuery, int weight, CancellationToken ct)
    {
        var attempts = 0;
        string? lastFailure = null;
        var started = _time.GetTimestamp();
        try
        {
            return await _pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                try
                {
                    return await SendOnceAsync(pathAndQuery, weight, token);
                }
                catch (Exception ex) when (ex is BinanceTransientException or HttpRequestException or TimeoutRejectedException)
                {
                    lastFailure = ex.Message;
                    throw;
                }
            }, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is BinanceTransientException or HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            var elapsed = _time.GetElapsedTime(started);
            throw new BinanceUnavailableException(
                $"Binance GET {pathAndQuery.Split('?')[0]} failed after {attempts} attempt(s) in {elapsed.TotalSeconds:0.#}s; last error: {lastFailure ?? ex.Message}", ex);
        }
    }

    private async ValueTask<byte[]> SendOnceAsync(string pathAndQuery, int weight, CancellationToken ct)
    {
        await Budget.AcquireAsync(weight, _time, ct, _logger);
        using var response = await _http.GetAsync(new Uri(_options.BaseUrl, pathAndQuery), HttpCompletionOption.ResponseContentRead, ct);
        var now = _time.GetUtcNow();
        if (response.Headers.TryGetValues("X-MBX-USED-WEIGHT-1M", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var used))
            Budget.ObserveUsedWeight(used, now);

        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode) return body;

        var retryAfter = ReadRetryAfter(response);
        switch (status)
        {
            case (int)HttpStatusCode.TooManyRequests:
                var wait = retryAfter ?? TimeSpan.FromSeconds(1);
                Budget.BlockUntil(now + wait);
                throw new BinanceTransientException($"HTTP 429 rate limit (Retry-After {wait.TotalSeconds:0}s)", TimeSpan.Zero);
            case 418:
                var bannedUntil = now + (retryAfter ?? TimeSpan.FromMinutes(2));
                Budget.BanUntil(bannedUntil);
                throw new BinanceBannedException(bannedUntil);
            case >= 500:
                throw new BinanceTransientException($"HTTP {status} from Binance");
            default:
                throw BinanceErrorBody.ToException(status, body);
        }
    }

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (response.Headers.TryGetValues("Retry-After", out var raw)
            && int.TryParse(raw.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return null;
    }

    private ResiliencePipeline BuildPipeline() =>
        new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddTimeout(_options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<BinanceTransientException>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = _options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is BinanceTransientException { RetryAfter: { } after } ? after : (TimeSpan?)null),
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();
}
