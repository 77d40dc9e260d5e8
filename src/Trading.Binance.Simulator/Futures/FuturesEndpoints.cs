using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Model;
using static Trading.Binance.Simulator.Matching.TradingEndpoints;

namespace Trading.Binance.Simulator.Futures;

/// <summary>The USDⓈ-M REST API under /fapi on the simulator's port: market data, and the signed account, order and position endpoints.</summary>
internal static class FuturesEndpoints
{
    public static void Map(IEndpointRouteBuilder app, BinanceSimulator sim)
    {
        var futures = sim.Futures;
        app.MapGet("/fapi/v1/ping", () => SimulatorResults.Json("{}"u8.ToArray())).WithMetadata(new RequestWeight(1));
        app.MapGet("/fapi/v1/time", () => SimulatorResults.Json(SimulatorJson.ServerTime(sim.NowMs))).WithMetadata(new RequestWeight(1));
        app.MapGet("/fapi/v1/exchangeInfo", () => SimulatorResults.Json(FuturesAccountJson.ExchangeInfo(futures.Symbols, sim.Options.WeightLimitPerMinute, sim.NowMs)))
            .WithMetadata(new RequestWeight(1));
        app.MapGet("/fapi/v1/klines", (HttpRequest request) => Public(request, futures, required: true, _ => MarketDataEndpoints.Klines(request, sim)))
            .WithMetadata(new RequestWeight(5));
        app.MapGet("/fapi/v1/premiumIndex", (HttpRequest request) => Public(request, futures, required: false, symbol => PremiumIndex(sim, symbol)))
            .WithMetadata(new RequestWeight(1));
        app.MapGet("/fapi/v1/fundingRate", (HttpRequest request) => Public(request, futures, required: false, symbol => FundingRate(request, futures, symbol)))
            .WithMetadata(new RequestWeight(1));
        FuturesTradingEndpoints.Map(app, sim);
    }

    /// <summary>Runs <paramref name="handle"/> with the request's futures symbol (null when optional and absent); -1121 for one that is not a futures symbol.</summary>
    private static IResult Public(HttpRequest request, SimulatedFutures futures, bool required, Func<Symbol?, IResult> handle)
    {
        var text = request.Query["symbol"].ToString();
        if (text.Length == 0) return required ? SimulatorResults.Mandatory("symbol") : handle(null);
        if (!Symbol.TryParse(text, out var symbol) || symbol.Name != text || !futures.IsFutures(symbol)) return SimulatorResults.InvalidSymbol();
        return handle(symbol);
    }

    private static IResult PremiumIndex(BinanceSimulator sim, Symbol? symbol)
    {
        var futures = sim.Futures;
        var symbols = symbol is { } one ? [one] : futures.Symbols.Select(s => s.Symbol).ToList();
        return SimulatorResults.Json(SimulatorJson.Write(w =>
        {
            if (symbol is null) w.WriteStartArray();
            foreach (var s in symbols)
            {
                var (mark, rate, next) = futures.PremiumIndex(s);
                FuturesJson.PremiumIndex(w, s, mark ?? 0m, rate, next, sim.NowMs);
            }
            if (symbol is null) w.WriteEndArray();
        }));
    }

    /// <summary>The settlements so far: startTime/endTime inclusive, limit default 100 (at most 1000), oldest first; without a start the most recent.</summary>
    private static IResult FundingRate(HttpRequest request, SimulatedFutures futures, Symbol? symbol)
    {
        if (!MarketDataEndpoints.TryReadLong(request, "startTime", out var start) || !MarketDataEndpoints.TryReadLong(request, "endTime", out var end)
            || !MarketDataEndpoints.TryReadLong(request, "limit", out var limit))
            return SimulatorResults.Error(-1100, "Illegal characters found in a parameter.");
        if (limit is < 1 or > 1000) return SimulatorResults.Error(-1130, "Data sent for parameter 'limit' is not valid.");
        var rows = (symbol is { } one ? futures.Settlements(one) : futures.Symbols.SelectMany(s => futures.Settlements(s.Symbol)).OrderBy(f => f.FundingTimeMs).ToList())
            .Where(f => (start is null || f.FundingTimeMs >= start) && (end is null || f.FundingTimeMs <= end)).ToList();
        var count = (int)(limit ?? 100);
        return SimulatorResults.Json(FuturesJson.FundingRates(start is null ? rows.TakeLast(count) : rows.Take(count)));
    }
}
