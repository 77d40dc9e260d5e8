using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Api.Contracts;
using Trading.Api.Security;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Core.Strategies.Regime;

namespace Trading.Api.Endpoints;

/// <summary>
/// GET /regimes?symbol=&amp;timeframe=: the current market regime of every stored series (or the ones asked for), classified by
/// <see cref="RegimeClassifier"/> with its documented defaults over the series' newest <see cref="History"/> candles.
/// </summary>
public static class RegimeEndpoints
{
    /// <summary>Enough candles for ADX's smoothing to settle well past the classifier's warm-up.</summary>
    public const int History = 1000;

    public static void MapRegimeEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/regimes", RegimesAsync).WithTags("market")
            .WithSummary("Current market regime per stored symbol and timeframe (TRENDING_UP, TRENDING_DOWN, RANGING, HIGH_VOLATILITY, UNCERTAIN)");

    private static async Task<IResult> RegimesAsync(string? symbol, string? timeframe, ICandleStore candles, CancellationToken ct)
    {
        Symbol? onlySymbol = null;
        if (symbol is not null)
        {
            if (!Symbol.TryParse(symbol, out var parsed)) return Problems.BadRequest($"symbol must be letters and digits such as BTCUSDT, got '{OrderEndpoints.Shown(symbol)}'");
            onlySymbol = parsed;
        }
        Timeframe? onlyFrame = null;
        if (timeframe is not null)
        {
            if (!Timeframe.TryParse(timeframe, out var frame)) return Problems.BadRequest($"unknown timeframe '{OrderEndpoints.Shown(timeframe)}'");
            onlyFrame = frame;
        }
        var result = new List<RegimeResponse>();
        foreach (var series in await candles.ListSeriesAsync(ct))
        {
            if (onlySymbol is { } s && series.Symbol != s) continue;
            if (onlyFrame is { } f && series.Timeframe != f) continue;
            result.Add(await ClassifyAsync(candles, series, ct));
        }
        return TypedResults.Ok(result.OrderBy(r => r.Symbol, StringComparer.Ordinal).ThenBy(r => r.Timeframe, StringComparer.Ordinal).ToList());
    }

    private static async Task<RegimeResponse> ClassifyAsync(ICandleStore candles, CandleSeriesSummary series, CancellationToken ct)
    {
        var classifier = new RegimeClassifier();
        var used = 0;
        var fromMs = series.LastOpenTimeMs - (History - 1) * series.Timeframe.DurationMs;
        await foreach (var candle in candles.ReadAsync(series.Symbol, series.Timeframe, fromMs, series.LastOpenTimeMs + 1, ct))
        {
            classifier.Update(candle);
            used++;
        }
        return new RegimeResponse(series.Symbol.ToString(), series.Timeframe.ToString(), RegimeClassifier.Label(classifier.Current), series.LastOpenTimeMs, used,
            Reading(classifier.Adx), Reading(classifier.PlusDi), Reading(classifier.MinusDi), Reading(classifier.AtrPercent), Reading(classifier.Bandwidth));
    }

    private static double? Reading(double value) => double.IsFinite(value) ? Math.Round(value, 4) : null;
}
