using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Trading.Binance.Simulator.Matching;

/// <summary>Signed order-list endpoints: POST /api/v3/orderList/oco, /oto and /otoco, DELETE and GET /api/v3/orderList, GET /api/v3/openOrderList.</summary>
internal static class OrderListEndpoints
{
    public static void Map(IEndpointRouteBuilder app, BinanceSimulator sim)
    {
        var exchange = sim.Exchange;
        var cancelIds = 0L;

        app.MapPost("/api/v3/orderList/oco", (HttpContext context) => TradingEndpoints.Signed(context, sim, async p =>
        {
            TradingEndpoints.CountOrder(context, exchange, orders: 2);
            var request = OrderListParameters.ReadOco(p);
            var responseType = OrderParameters.ReadResponseType(p);
            var list = await exchange.PlaceOcoAsync(request, context.RequestAborted);
            return SimulatorResults.Json(OrderListJson.Placed(list, responseType));
        })).WithMetadata(new RequestWeight(1, FreeOnSuccess: true));

        void MapTriggered(string path, int orders, Func<IReadOnlyDictionary<string, string>, NewSimulatedTriggeredList> read) =>
            app.MapPost(path, (HttpContext context) => TradingEndpoints.Signed(context, sim, async p =>
            {
                TradingEndpoints.CountOrder(context, exchange, orders);
                var request = read(p);
                var responseType = OrderParameters.ReadResponseType(p);
                return SimulatorResults.Json(OrderListJson.Placed(await exchange.PlaceTriggeredAsync(request, context.RequestAborted), responseType));
            })).WithMetadata(new RequestWeight(1, FreeOnSuccess: true));
        MapTriggered("/api/v3/orderList/oto", 2, OrderListParameters.ReadOto);
        MapTriggered("/api/v3/orderList/otoco", 3, OrderListParameters.ReadOtoco);

        app.MapDelete("/api/v3/orderList", (HttpContext context) => TradingEndpoints.Signed(context, sim, async p =>
        {
            var (id, clientId) = OrderListParameters.ReadListId(p);
            var cancelId = p.GetValueOrDefault("newClientOrderId") ?? $"simlistcancel{Interlocked.Increment(ref cancelIds):D8}";
            var list = await exchange.CancelListAsync(OrderParameters.ReadSymbol(p), id, clientId, cancelId, context.RequestAborted);
            return SimulatorResults.Json(OrderListJson.Cancelled(list));
        })).WithMetadata(new RequestWeight(1));

        app.MapGet("/api/v3/orderList", (HttpContext context) => TradingEndpoints.Signed(context, sim, p =>
        {
            var (id, clientId) = p.ContainsKey("origClientOrderId") ? (null, p["origClientOrderId"]) : OrderListParameters.ReadListId(p);
            return SimulatorResults.Json(OrderListJson.Lists([exchange.FindList(id, clientId)], asArray: false));
        })).WithMetadata(new RequestWeight(4));

        app.MapGet("/api/v3/openOrderList", (HttpContext context) => TradingEndpoints.Signed(context, sim, _ =>
            SimulatorResults.Json(OrderListJson.Lists(exchange.OpenLists(), asArray: true))))
            .WithMetadata(new RequestWeight(6));
    }
}
