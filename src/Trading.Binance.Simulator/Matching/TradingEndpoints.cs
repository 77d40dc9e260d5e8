using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// Signed /api/v3 order and account endpoints on the simulated exchange, plus GET /sim/orders and /sim/account for
/// inspection. After-accept faults from <see cref="OrderFaults"/> apply to placements.
/// </summary>
internal static class TradingEndpoints
{
    public static void Map(IEndpointRouteBuilder app, BinanceSimulator sim)
    {
        var exchange = sim.Exchange;
        var cancelIds = 0L;
        string NextCancelId() => $"simcancel{Interlocked.Increment(ref cancelIds):D8}";

        app.MapPost("/api/v3/order", (HttpContext context) => Signed(context, sim, async p =>
        {
            CountOrder(context, exchange);
            var request = OrderParameters.ReadNewOrder(p);
            var responseType = OrderParameters.ReadResponseType(p);
            var order = await exchange.PlaceAsync(request, context.RequestAborted);
            var answer = SimulatorResults.Json(OrderResponseJson.Placement(order, responseType));
            return exchange.Faults.TakeAfterAccept() is { } fault ? await AfterAcceptAsync(fault, sim, context, answer) : answer;
        })).WithMetadata(new RequestWeight(1, FreeOnSuccess: true));

        app.MapPost("/api/v3/order/test", (HttpContext context) => Signed(context, sim, p =>
        {
            var request = OrderParameters.ReadNewOrder(p);
            OrderParameters.ReadResponseType(p);
            exchange.Validate(request);
            return SimulatorResults.Json("{}"u8.ToArray());
        })).WithMetadata(new RequestWeight(1));

        app.MapPost("/api/v3/order/cancelReplace", (HttpContext context) => Signed(context, sim, async p =>
        {
            CountOrder(context, exchange);
            var request = OrderParameters.ReadCancelReplace(p, NextCancelId);
            var responseType = OrderParameters.ReadResponseType(p);
            var result = await exchange.CancelReplaceAsync(request, context.RequestAborted);
            var answer = SimulatorResults.Json(CancelReplaceJson.Answer(result, request.CancelNewClientOrderId, responseType),
                result.Succeeded ? StatusCodes.Status200OK : result.Failure.HttpStatus);
            return exchange.Faults.TakeAfterAccept() is { } fault ? await AfterAcceptAsync(fault, sim, context, answer) : answer;
        })).WithMetadata(new RequestWeight(1));

        app.MapGet("/api/v3/allOrders", (HttpContext context) => Signed(context, sim, p =>
            SimulatorResults.Json(OrderResponseJson.OpenOrders(exchange.AllOrders(OrderParameters.ReadSymbol(p), OrderParameters.ReadLong(p, "orderId"),
                OrderParameters.ReadLong(p, "startTime"), OrderParameters.ReadLong(p, "endTime"), OrderParameters.ReadLimit(p))))))
            .WithMetadata(new RequestWeight(20));

        app.MapGet("/api/v3/order", (HttpContext context) => Signed(context, sim, p =>
            SimulatorResults.Json(OrderResponseJson.Query(
                exchange.Find(OrderParameters.ReadSymbol(p), OrderParameters.ReadOrderId(p), p.GetValueOrDefault("origClientOrderId"))))))
            .WithMetadata(new RequestWeight(4));

        app.MapDelete("/api/v3/order", (HttpContext context) => Signed(context, sim, async p =>
        {
            var cancelId = p.GetValueOrDefault("newClientOrderId") ?? NextCancelId();
            var order = await exchange.CancelAsync(OrderParameters.ReadSymbol(p), OrderParameters.ReadOrderId(p),
                p.GetValueOrDefault("origClientOrderId"), cancelId, context.RequestAborted);
            return SimulatorResults.Json(OrderResponseJson.Cancel([(order, cancelId)], asArray: false));
        })).WithMetadata(new RequestWeight(1));

        app.MapGet("/api/v3/openOrders", (HttpContext context) => Signed(context, sim, p =>
            SimulatorResults.Json(OrderResponseJson.OpenOrders(
                exchange.OpenOrders(p.ContainsKey("symbol") ? OrderParameters.ReadSymbol(p) : null)))))
            .WithMetadata(new RequestWeight(6));

        app.MapDelete("/api/v3/openOrders", (HttpContext context) => Signed(context, sim, async p =>
        {
            var ids = new List<string>();
            var orders = await exchange.CancelAllAsync(OrderParameters.ReadSymbol(p), () => { ids.Add(NextCancelId()); return ids[^1]; }, context.RequestAborted);
            return SimulatorResults.Json(OrderResponseJson.Cancel(orders.Zip(ids), asArray: true));
        })).WithMetadata(new RequestWeight(1));

        app.MapGet("/api/v3/myTrades", (HttpContext context) => Signed(context, sim, p =>
            SimulatorResults.Json(OrderResponseJson.Trades(exchange.TradedOrders(OrderParameters.ReadSymbol(p), OrderParameters.ReadOrderId(p)),
                new TradePage(OrderParameters.ReadLong(p, "fromId"), OrderParameters.ReadLong(p, "startTime"), OrderParameters.ReadLong(p, "endTime"),
                    OrderParameters.ReadLimit(p))))))
            .WithMetadata(new RequestWeight(5));

        app.MapGet("/api/v3/account", (HttpContext context) => Signed(context, sim, _ =>
            SimulatorResults.Json(OrderResponseJson.Account(exchange.Balances, exchange.Options.CommissionRate, sim.NowMs))))
            .WithMetadata(new RequestWeight(20));

        app.MapGet("/sim/orders", () => SimulatorResults.Json(OrderResponseJson.OpenOrders(exchange.Orders)));
        app.MapGet("/sim/account", () => SimulatorResults.Json(OrderResponseJson.Account(exchange.Balances, exchange.Options.CommissionRate, sim.NowMs)));
        OrderListEndpoints.Map(app, sim);
        UserDataEndpoint.Map(app, sim);
    }

    /// <summary>Counts a new order against the ORDERS limits, sets the X-MBX-ORDER-COUNT headers, and refuses it with -1015 past a limit.</summary>
    internal static void CountOrder(HttpContext context, SimulatedExchange exchange, int orders = 1)
    {
        var (tenSeconds, day, exceeded, retryAfter) = exchange.OrderCounts.Add(orders);
        context.Response.Headers["X-MBX-ORDER-COUNT-10S"] = tenSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-MBX-ORDER-COUNT-1D"] = day.ToString(CultureInfo.InvariantCulture);
        if (exceeded is null) return;
        context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        throw new SimulatorRejection(-1015, $"Too many new orders; current limit is {exceeded}.", StatusCodes.Status429TooManyRequests);
    }

    internal static Task Signed(HttpContext context, BinanceSimulator sim, Func<IReadOnlyDictionary<string, string>, IResult> handle) =>
        Signed(context, sim, p => Task.FromResult(handle(p)));

    internal static async Task Signed(HttpContext context, BinanceSimulator sim, Func<IReadOnlyDictionary<string, string>, Task<IResult>> handle)
    {
        IResult result;
        try
        {
            var parameters = await SignedRequestReader.ReadAsync(context.Request, sim.Exchange.Options, sim.NowMs);
            result = await handle(parameters);
        }
        catch (SimulatorRejection rejection)
        {
            result = SimulatorResults.Error(rejection.Code, rejection.Message, rejection.HttpStatus);
        }
        await result.ExecuteAsync(context);
    }

    private static async Task<IResult> AfterAcceptAsync(OrderFault fault, BinanceSimulator sim, HttpContext context, IResult answer)
    {
        var exchange = sim.Exchange;
        if (fault.ThenHttp is { } then) sim.Faults.Enqueue(then);
        if (fault.Kind == OrderFaultKind.ServerErrorAfterAccept)
            return SimulatorResults.Error(-1000, "An unknown error occurred while processing the request.", StatusCodes.Status500InternalServerError);
        if (fault.Kind == OrderFaultKind.DropAfterAccept)
        {
            context.Abort();
            return Results.Empty;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, exchange.Stopping);
        try
        {
            await Task.Delay(fault.Delay ?? Timeout.InfiniteTimeSpan, linked.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (or the simulator stops): the order exists, the answer never arrives.
            context.Abort();
            return Results.Empty;
        }
        return answer;
    }
}
