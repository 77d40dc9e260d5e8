using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Trading.Binance.Simulator;

/// <summary>GET /api/v3/trades, historicalTrades and aggTrades over <see cref="SyntheticTrades"/>, with Binance's parameters, limits and errors.</summary>
internal static class TradeEndpoints
{
    private const long MaxAggTradeSpanMs = 60 * 60 * 1000;

    public static void Map(IEndpointRouteBuilder app, BinanceSimulator sim)
    {
        app.MapGet("/api/v3/trades", (HttpRequest request) => Trades(request, sim, allowFromId: false)).WithMetadata(new RequestWeight(25));
        app.MapGet("/api/v3/historicalTrades", (HttpRequest request) => Trades(request, sim, allowFromId: true)).WithMetadata(new RequestWeight(25));
        app.MapGet("/api/v3/aggTrades", (HttpRequest request) => AggTrades(request, sim)).WithMetadata(new RequestWeight(4));
    }

    private static IResult Trades(HttpRequest request, BinanceSimulator sim, bool allowFromId)
    {
        if (MarketDataEndpoints.ReadSymbol(request, sim, out var symbol) is { } symbolError) return symbolError;
        if (!MarketDataEndpoints.TryReadLong(request, "limit", out var limit) || !MarketDataEndpoints.TryReadLong(request, "fromId", out var fromId))
            return IllegalCharacters();
        if (limit is < 1 or > 1000) return InvalidLimit();
        var trades = SyntheticTrades.For(sim.Market, symbol)!;
        var rows = allowFromId && fromId is { } from ? trades.FromId(from, (int)(limit ?? 500)) : trades.Recent((int)(limit ?? 500));
        return SimulatorResults.Json(TradeJson.Trades(rows));
    }

    private static IResult AggTrades(HttpRequest request, BinanceSimulator sim)
    {
        if (MarketDataEndpoints.ReadSymbol(request, sim, out var symbol) is { } symbolError) return symbolError;
        if (!MarketDataEndpoints.TryReadLong(request, "limit", out var limit) || !MarketDataEndpoints.TryReadLong(request, "fromId", out var fromId)
            || !MarketDataEndpoints.TryReadLong(request, "startTime", out var start) || !MarketDataEndpoints.TryReadLong(request, "endTime", out var end))
            return IllegalCharacters();
        if (limit is < 1 or > 1000) return InvalidLimit();
        if (start > end) return SimulatorResults.Error(-1023, "Start time is greater than end time.");
        if (start is { } s && end is { } e && e - s > MaxAggTradeSpanMs) return SimulatorResults.Error(-1127, "More than 1 hours between startTime and endTime.");
        var trades = SyntheticTrades.For(sim.Market, symbol)!;
        var count = (int)(limit ?? 500);
        var rows = (fromId, start, end) switch
        {
            ({ } id, _, _) => trades.FromId(id, count),
            (null, { } from, { } to) => trades.Between(from, to, count),
            (null, { } from, null) => trades.Between(from, long.MaxValue, count),
            (null, null, { } to) => trades.Between(to - MaxAggTradeSpanMs, to, count),
            _ => trades.Recent(count),
        };
        return SimulatorResults.Json(TradeJson.AggTrades(rows));
    }

    private static IResult IllegalCharacters() => SimulatorResults.Error(-1100, "Illegal characters found in a parameter.");

    private static IResult InvalidLimit() => SimulatorResults.Error(-1130, "Data sent for parameter 'limit' is not valid.");
}
