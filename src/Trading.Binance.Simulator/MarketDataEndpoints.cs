using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Core.Model;

namespace Trading.Binance.Simulator;

/// <summary>/api/v3 ping, time, exchangeInfo and klines (resampled from a finer series when the interval is not loaded), with Binance's parameter rules and error codes.</summary>
internal static class MarketDataEndpoints
{
    public static void Map(IEndpointRouteBuilder app, BinanceSimulator sim)
    {
        app.MapGet("/api/v3/ping", () => SimulatorResults.Json("{}"u8.ToArray())).WithMetadata(new RequestWeight(1));
        app.MapGet("/api/v3/time", () => SimulatorResults.Json(SimulatorJson.ServerTime(sim.NowMs))).WithMetadata(new RequestWeight(1));
        app.MapGet("/api/v3/exchangeInfo", (HttpRequest request) => ExchangeInfo(request, sim)).WithMetadata(new RequestWeight(20));
        app.MapGet("/api/v3/klines", (HttpRequest request) => Klines(request, sim)).WithMetadata(new RequestWeight(2));
        TickerEndpoints.Map(app, sim);
        TradeEndpoints.Map(app, sim);
    }

    private static IResult ExchangeInfo(HttpRequest request, BinanceSimulator sim)
    {
        var all = sim.Symbols;
        var wanted = new List<string>();
        if (request.Query["symbol"].ToString() is { Length: > 0 } one) wanted.Add(one);
        if (request.Query["symbols"].ToString() is { Length: > 0 } many)
        {
            try
            {
                wanted.AddRange(JsonSerializer.Deserialize<string[]>(many) ?? []);
            }
            catch (JsonException)
            {
                return SimulatorResults.Mandatory("symbols");
            }
        }
        var selected = all;
        if (wanted.Count > 0)
        {
            selected = [.. all.Where(s => wanted.Contains(s.Symbol.Name))];
            if (selected.Count != wanted.Distinct().Count()) return SimulatorResults.InvalidSymbol();
        }
        return SimulatorResults.Json(ExchangeInfoJson.Write(sim.NowMs, sim.Options.WeightLimitPerMinute, selected));
    }

    internal static IResult Klines(HttpRequest request, BinanceSimulator sim)
    {
        if (ReadSymbol(request, sim, out var symbol) is { } symbolError) return symbolError;
        var intervalText = request.Query["interval"].ToString();
        if (intervalText.Length == 0) return SimulatorResults.Mandatory("interval");
        if (!Timeframe.TryParse(intervalText, out var timeframe)) return SimulatorResults.Error(-1120, "Invalid interval.");
        if (!TryReadLong(request, "startTime", out var start) || !TryReadLong(request, "endTime", out var end) || !TryReadLong(request, "limit", out var limit))
            return SimulatorResults.Error(-1100, "Illegal characters found in a parameter.");
        if (limit is < 1 or > 1000) return SimulatorResults.Error(-1130, "Data sent for parameter 'limit' is not valid.");
        if (start > end) return SimulatorResults.Error(-1023, "Start time is greater than end time.");

        var series = sim.Market.Find(symbol, timeframe);
        IReadOnlyList<Candle> rows = series is not null
            ? series.Query(start, end, (int)(limit ?? 500))
            : sim.Market.Resampled(symbol, timeframe, start, end, (int)(limit ?? 500));
        var trades = SyntheticTrades.For(sim.Market, symbol);
        return SimulatorResults.Json(SimulatorJson.Klines(rows, trades is null ? null : trades.TakerBuyVolume));
    }

    /// <summary>The mandatory <c>symbol</c> parameter, one the simulator serves; otherwise the error to answer.</summary>
    internal static IResult? ReadSymbol(HttpRequest request, BinanceSimulator sim, out Symbol symbol)
    {
        var text = request.Query["symbol"].ToString();
        symbol = default;
        if (text.Length == 0) return SimulatorResults.Mandatory("symbol");
        if (!Symbol.TryParse(text, out var parsed) || parsed.Name != text || sim.Symbols.All(s => s.Symbol != parsed)) return SimulatorResults.InvalidSymbol();
        symbol = parsed;
        return null;
    }

    internal static bool TryReadLong(HttpRequest request, string name, out long? value)
    {
        value = null;
        var text = request.Query[name].ToString();
        if (text.Length == 0) return true;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return false;
        value = parsed;
        return true;
    }
}
