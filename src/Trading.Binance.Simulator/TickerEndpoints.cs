using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Binance.Json;
using Trading.Core.Model;

namespace Trading.Binance.Simulator;

/// <summary>
/// /api/v3 ticker/price, ticker/bookTicker, ticker/24hr, avgPrice and depth, all read from the replay: the last closed
/// bar's close, the modelled book around it (docs/simulator.md), and the closed bars of the last 24 hours.
/// </summary>
internal static class TickerEndpoints
{
    public static void Map(IEndpointRouteBuilder app, BinanceSimulator sim)
    {
        app.MapGet("/api/v3/ticker/price", (HttpRequest r) => PerSymbol(r, sim, (w, s) =>
        {
            w.WriteString("symbol", s.Name);
            w.WriteString("price", BinanceDecimal.Format(Last(sim, s)));
        })).WithMetadata(new RequestWeight(2));
        app.MapGet("/api/v3/ticker/bookTicker", (HttpRequest r) => PerSymbol(r, sim, (w, s) =>
        {
            var (bid, ask) = (sim.Exchange.Book(s, OrderSide.Sell), sim.Exchange.Book(s, OrderSide.Buy));
            w.WriteString("symbol", s.Name);
            w.WriteString("bidPrice", BinanceDecimal.Format(bid.Count > 0 ? bid[0].Price : 0m));
            w.WriteString("bidQty", BinanceDecimal.Format(bid.Count > 0 ? bid[0].Quantity : 0m));
            w.WriteString("askPrice", BinanceDecimal.Format(ask.Count > 0 ? ask[0].Price : 0m));
            w.WriteString("askQty", BinanceDecimal.Format(ask.Count > 0 ? ask[0].Quantity : 0m));
        })).WithMetadata(new RequestWeight(2));
        app.MapGet("/api/v3/ticker/24hr", (HttpRequest r) => PerSymbol(r, sim, (w, s) =>
        {
            var bars = DayBars(sim, s);
            var (bid, ask) = (sim.Exchange.Book(s, OrderSide.Sell), sim.Exchange.Book(s, OrderSide.Buy));
            var (first, last) = DayTrades(sim, s, bars.Count);
            TickerJson.Day(w, s, bars, sim.NowMs, bid.Count > 0 ? bid[0] : null, ask.Count > 0 ? ask[0] : null, first, last);
        })).WithMetadata(new RequestWeight(2));
        app.MapGet("/api/v3/avgPrice", (HttpRequest r) => PerSymbol(r, sim, (w, s) =>
        {
            var bars = Pricing(sim, s)?.ClosedCandles.TakeLast(5).ToList() ?? [];
            var volume = bars.Sum(b => b.Volume);
            w.WriteNumber("mins", 5);
            w.WriteString("price", BinanceDecimal.Format(volume > 0 ? bars.Sum(b => b.Close * b.Volume) / volume : Last(sim, s)));
            w.WriteNumber("closeTime", bars.Count > 0 ? bars[^1].CloseTimeMs : sim.NowMs);
        }, requireSymbol: true)).WithMetadata(new RequestWeight(2));
        app.MapGet("/api/v3/depth", (HttpRequest r) => PerSymbol(r, sim, (w, s) =>
            TickerJson.Depth(w, sim.NowMs, sim.Exchange.Book(s, OrderSide.Sell), sim.Exchange.Book(s, OrderSide.Buy), ReadLimit(r)), requireSymbol: true))
            .WithMetadata(new RequestWeight(5));
    }

    private static int ReadLimit(HttpRequest r) => int.TryParse(r.Query["limit"].ToString(), out var limit) ? Math.Clamp(limit, 1, 5000) : 100;

    private static SimulatedSeries? Pricing(BinanceSimulator sim, Symbol symbol) =>
        sim.Market.Series.Where(s => s.Symbol == symbol).MinBy(s => s.Timeframe.DurationMs);

    private static decimal Last(BinanceSimulator sim, Symbol symbol) =>
        sim.Exchange.LastPrice(symbol) ?? Pricing(sim, symbol)?.ClosedCandles.LastOrDefault().Close ?? 0m;

    private static IReadOnlyList<Candle> DayBars(BinanceSimulator sim, Symbol symbol)
    {
        var closed = Pricing(sim, symbol)?.ClosedCandles ?? [];
        if (closed.Count == 0) return [];
        var from = closed[^1].CloseTimeMs - 86_400_000;
        return closed.Where(c => c.OpenTimeMs > from).ToList();
    }

    /// <summary>The first and last synthetic trade of the last <paramref name="dayBars"/> closed bars.</summary>
    private static (SyntheticTrade? First, SyntheticTrade? Last) DayTrades(BinanceSimulator sim, Symbol symbol, int dayBars)
    {
        if (SyntheticTrades.For(sim.Market, symbol) is not { } trades) return (null, null);
        var end = trades.Series.Cursor;
        SyntheticTrade? first = null, last = null;
        for (var i = end - dayBars; i < end && first is null; i++)
            first = trades.ForBar(i) is [var f, ..] ? f : null;
        for (var i = end - 1; i >= end - dayBars && last is null; i--)
            last = trades.ForBar(i) is [.., var l] ? l : null;
        return (first, last);
    }

    /// <summary>One object for ?symbol=, an array for ?symbols=[..] or (where allowed) for every symbol.</summary>
    private static IResult PerSymbol(HttpRequest r, BinanceSimulator sim, Action<System.Text.Json.Utf8JsonWriter, Symbol> write, bool requireSymbol = false)
    {
        var one = r.Query["symbol"].ToString();
        var many = r.Query["symbols"].ToString();
        if (one.Length == 0 && (requireSymbol || many.Length > 0) && many.Length == 0) return SimulatorResults.Mandatory("symbol");
        IReadOnlyList<Symbol> symbols;
        if (one.Length > 0) symbols = Symbol.TryParse(one, out var parsed) && parsed.Name == one ? [parsed] : [];
        else if (many.Length > 0)
        {
            try
            {
                symbols = System.Text.Json.JsonSerializer.Deserialize<string[]>(many)!.Select(n => new Symbol(n)).ToList();
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or NullReferenceException)
            {
                return SimulatorResults.Mandatory("symbols");
            }
        }
        else symbols = sim.Symbols.Select(s => s.Symbol).Where(s => Pricing(sim, s) is not null).ToList();
        if ((one.Length > 0 && symbols.Count == 0) || symbols.Any(s => sim.Symbols.All(k => k.Symbol != s))) return SimulatorResults.InvalidSymbol();
        return SimulatorResults.Json(SimulatorJson.Write(w =>
        {
            if (one.Length == 0) w.WriteStartArray();
            foreach (var symbol in symbols)
            {
                w.WriteStartObject();
                write(w, symbol);
                w.WriteEndObject();
            }
            if (one.Length == 0) w.WriteEndArray();
        }));
    }
}
