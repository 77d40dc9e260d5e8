using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Model;
using static Trading.Binance.Simulator.Matching.TradingEndpoints;

namespace Trading.Binance.Simulator.Futures;

/// <summary>The signed /fapi endpoints: settings (positionSide/dual, marginType, leverage), orders, positions, account and income.</summary>
internal static class FuturesTradingEndpoints
{
    public static void Map(IEndpointRouteBuilder app, BinanceSimulator sim)
    {
        var futures = sim.Futures;
        app.MapGet("/fapi/v1/positionSide/dual", (HttpContext c) => Signed(c, sim, _ =>
            SimulatorResults.Json(SimulatorJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("dualSidePosition", futures.DualSidePosition);
                w.WriteEndObject();
            })))).WithMetadata(new RequestWeight(30));
        app.MapPost("/fapi/v1/positionSide/dual", (HttpContext c) => Signed(c, sim, p =>
        {
            futures.SetDualSidePosition(ReadBool(p, "dualSidePosition"));
            return SimulatorResults.Json(FuturesJson.Success());
        })).WithMetadata(new RequestWeight(1));
        app.MapPost("/fapi/v1/marginType", (HttpContext c) => Signed(c, sim, p =>
        {
            var symbol = OrderParameters.ReadSymbol(p);
            var isolated = OrderParameters.Required(p, "marginType") switch
            {
                "ISOLATED" => true,
                "CROSSED" => false,
                _ => throw new SimulatorRejection(-4044, "Margin type is invalid."),
            };
            futures.SetMarginType(symbol, isolated);
            return SimulatorResults.Json(FuturesJson.Success());
        })).WithMetadata(new RequestWeight(1));
        app.MapPost("/fapi/v1/leverage", (HttpContext c) => Signed(c, sim, p =>
        {
            var symbol = OrderParameters.ReadSymbol(p);
            var text = OrderParameters.Required(p, "leverage");
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var wanted)) throw new SimulatorRejection(-4028, $"Leverage {text} is not valid");
            var (leverage, maxNotional) = futures.SetLeverage(symbol, wanted);
            return SimulatorResults.Json(SimulatorJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("leverage", leverage);
                w.WriteString("maxNotionalValue", FuturesJson.Number(maxNotional));
                w.WriteString("symbol", symbol.Name);
                w.WriteEndObject();
            }));
        })).WithMetadata(new RequestWeight(1));
        app.MapGet("/fapi/v1/leverageBracket", (HttpContext c) => Signed(c, sim, p =>
            SimulatorResults.Json(FuturesJson.Brackets(SymbolOrAll(p, futures).Select(futures.Brackets))))).WithMetadata(new RequestWeight(1));

        app.MapPost("/fapi/v1/order", (HttpContext c) => Signed(c, sim, p =>
        {
            CountOrder(c, sim.Exchange);
            return SimulatorResults.Json(FuturesJson.Order(futures.Place(next => FuturesOrderParameters.Read(p, next)), withTime: false));
        })).WithMetadata(new RequestWeight(0));
        app.MapGet("/fapi/v1/order", (HttpContext c) => Signed(c, sim, p =>
            SimulatorResults.Json(FuturesJson.Order(futures.Find(OrderParameters.ReadSymbol(p), OrderParameters.ReadOrderId(p), p.GetValueOrDefault("origClientOrderId")), withTime: true))))
            .WithMetadata(new RequestWeight(1));
        app.MapDelete("/fapi/v1/order", (HttpContext c) => Signed(c, sim, p =>
            SimulatorResults.Json(FuturesJson.Order(futures.Cancel(OrderParameters.ReadSymbol(p), OrderParameters.ReadOrderId(p), p.GetValueOrDefault("origClientOrderId")), withTime: false))))
            .WithMetadata(new RequestWeight(1));
        app.MapGet("/fapi/v1/openOrders", (HttpContext c) => Signed(c, sim, p =>
            SimulatorResults.Json(FuturesJson.Orders(futures.OpenOrders(p.ContainsKey("symbol") ? OrderParameters.ReadSymbol(p) : null)))))
            .WithMetadata(new RequestWeight(1));
        app.MapDelete("/fapi/v1/allOpenOrders", (HttpContext c) => Signed(c, sim, p =>
        {
            futures.CancelAll(OrderParameters.ReadSymbol(p));
            return SimulatorResults.Json(SimulatorJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("code", 200);
                w.WriteString("msg", "The operation of cancel all open order is done.");
                w.WriteEndObject();
            }));
        })).WithMetadata(new RequestWeight(1));

        app.MapGet("/fapi/v2/positionRisk", (HttpContext c) => Signed(c, sim, p => PositionRisk(p, futures))).WithMetadata(new RequestWeight(5));
        app.MapGet("/fapi/v3/positionRisk", (HttpContext c) => Signed(c, sim, p => PositionRisk(p, futures))).WithMetadata(new RequestWeight(5));
        app.MapGet("/fapi/v2/account", (HttpContext c) => Signed(c, sim, _ => SimulatorResults.Json(FuturesAccountJson.Account(futures, sim.NowMs))))
            .WithMetadata(new RequestWeight(5));
        app.MapGet("/fapi/v2/balance", (HttpContext c) => Signed(c, sim, _ => SimulatorResults.Json(FuturesAccountJson.Balance(futures, sim.NowMs))))
            .WithMetadata(new RequestWeight(5));
        app.MapGet("/fapi/v1/income", (HttpContext c) => Signed(c, sim, p => Income(p, futures))).WithMetadata(new RequestWeight(30));
    }

    private static IReadOnlyList<Symbol> SymbolOrAll(IReadOnlyDictionary<string, string> p, SimulatedFutures futures)
    {
        if (!p.ContainsKey("symbol")) return futures.Symbols.Select(s => s.Symbol).ToList();
        var symbol = OrderParameters.ReadSymbol(p);
        futures.State(symbol);
        return [symbol];
    }

    /// <summary>Every side of each symbol: LONG and SHORT in hedge mode, BOTH in one-way mode, empty ones with zeros (as Binance lists them).</summary>
    private static IResult PositionRisk(IReadOnlyDictionary<string, string> p, SimulatedFutures futures)
    {
        var sides = futures.DualSidePosition ? new[] { PositionSide.Long, PositionSide.Short } : [PositionSide.Both];
        var rows = SymbolOrAll(p, futures).SelectMany(symbol => sides.Select(side =>
        {
            var state = futures.State(symbol);
            return (futures.Position(symbol, side), symbol, side, futures.Leverage(symbol), futures.IsIsolated(symbol), futures.MarkPrice(symbol) ?? 0m, state.MaxNotional);
        }));
        return SimulatorResults.Json(FuturesJson.Positions(rows.ToList()));
    }

    /// <summary>GET /fapi/v1/income: symbol, incomeType, startTime/endTime, limit (default 100, at most 1000), oldest first.</summary>
    private static IResult Income(IReadOnlyDictionary<string, string> p, SimulatedFutures futures)
    {
        Symbol? symbol = p.ContainsKey("symbol") ? SymbolOrAll(p, futures)[0] : null;
        var type = p.GetValueOrDefault("incomeType");
        var start = OrderParameters.ReadLong(p, "startTime");
        var end = OrderParameters.ReadLong(p, "endTime");
        var limit = OrderParameters.ReadLong(p, "limit") switch
        {
            null => 100,
            >= 1 and <= 1000 and var l => (int)l,
            _ => throw new SimulatorRejection(-1130, "Data sent for parameter 'limit' is not valid."),
        };
        var rows = futures.Income.Where(i => (symbol is null || i.Symbol == symbol) && (type is null || i.IncomeType == type)
            && (start is null || i.TimeMs >= start) && (end is null || i.TimeMs <= end)).Take(limit);
        return SimulatorResults.Json(FuturesJson.Income(rows));
    }

    private static bool ReadBool(IReadOnlyDictionary<string, string> p, string name) => OrderParameters.Required(p, name) switch
    {
        "true" => true,
        "false" => false,
        _ => throw SimulatorRejection.Mandatory(name),
    };
}
