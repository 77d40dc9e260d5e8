using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Api.Contracts;
using Trading.Api.Security;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Core.Strategies;

namespace Trading.Api.Endpoints;

/// <summary>GET /candles?symbol=&amp;timeframe=&amp;from=&amp;to=&amp;limit= (stored candles) and GET /strategies (built-ins and plugins).</summary>
public static class MarketEndpoints
{
    public const int MaxCandles = 5000;

    public static void MapMarketEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/candles", CandlesAsync).WithTags("market")
            .WithSummary("Stored candles in [from, to): without from, the last `limit` (default 500) up to `to` or the newest");
        app.MapGet("/strategies", (StrategyRegistry registry) => TypedResults.Ok(registry.Registrations.Select(Describe).ToList()))
            .WithTags("market").WithSummary("Built-in and plugin strategies with their parameters");
    }

    private static async Task<IResult> CandlesAsync(string? symbol, string? timeframe, DateTimeOffset? from, DateTimeOffset? to, int? limit,
        ICandleStore candles, CancellationToken ct)
    {
        if (!Symbol.TryParse(symbol, out var parsed)) return Problems.BadRequest($"symbol must be letters and digits such as BTCUSDT, got '{OrderEndpoints.Shown(symbol)}'");
        if (!Timeframe.TryParse(timeframe ?? "1m", out var frame)) return Problems.BadRequest($"unknown timeframe '{OrderEndpoints.Shown(timeframe)}'");
        var take = limit ?? 500;
        if (take is <= 0 or > MaxCandles) return Problems.BadRequest($"limit must be within 1..{MaxCandles}, got {take}");
        if (from is { } f && to is { } t && f >= t) return Problems.BadRequest("from must be before to");
        long toMs;
        if (to is { } end) toMs = end.ToUnixTimeMilliseconds();
        else if (await candles.GetLatestAsync(parsed, frame, ct) is { } latest) toMs = latest.OpenTimeMs + 1;
        else return TypedResults.Ok(new List<CandleResponse>());
        var fromMs = from?.ToUnixTimeMilliseconds() ?? toMs - take * frame.DurationMs;
        var result = new List<CandleResponse>();
        await foreach (var candle in candles.ReadAsync(parsed, frame, fromMs, toMs, ct))
        {
            result.Add(CandleResponse.From(candle));
            if (result.Count == take) break;
        }
        return TypedResults.Ok(result);
    }

    private static StrategyResponse Describe(StrategyRegistration registration)
    {
        // A plugin's code runs only when a bot or a backtest uses it, so only the built-ins list their parameters here.
        var parameters = registration.IsBuiltIn
            ? registration.Factory().Parameters.Select(p => new StrategyParameterResponse(p.Name, p.Kind.ToString().ToLowerInvariant(), p.Default, p.RangeText, p.Description)).ToList()
            : [];
        return new StrategyResponse(registration.Name, registration.Source, registration.Summary, parameters);
    }
}
