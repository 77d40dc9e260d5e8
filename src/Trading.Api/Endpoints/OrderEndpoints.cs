using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Trading.Api.Contracts;
using Trading.Api.Hosting;
using Trading.Api.Security;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Api.Endpoints;

/// <summary>
/// GET /orders?status=open|all|FILLED.., GET /trades (fills, newest first) and POST /orders: an order through the risk gate,
/// the same path as `trading order buy|sell` (<see cref="ManualOrders"/>).
/// </summary>
public static class OrderEndpoints
{
    public const int MaxLimit = 1000;

    public static void MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/orders", ListAsync).WithTags("orders").WithSummary("Orders, newest first: status=open (default all) or one status such as FILLED");
        app.MapGet("/trades", TradesAsync).WithTags("orders").WithSummary("Fills, newest first");
        app.MapPost("/orders", PlaceAsync).WithTags("orders").WithSummary("Place an order through the risk gate (market, or limit with a price)");
    }

    private static async Task<IResult> ListAsync(string? status, int? limit, ITradingStore store, CancellationToken ct)
    {
        if (Limit(limit, out var take) is { } bad) return bad;
        var wanted = status?.Trim() ?? "all";
        OrderStatus? only = null;
        if (wanted is not ("open" or "all"))
        {
            if (!Enum.TryParse<OrderStatus>(wanted.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) || int.TryParse(wanted, out _))
                return Problems.BadRequest($"status must be open, all or an order status such as FILLED, got '{Shown(wanted)}'");
            only = parsed;
        }
        var orders = await store.Orders.ListAsync(openOnly: wanted == "open", limit: only is null ? take : 100_000, ct);
        return TypedResults.Ok(only is null ? orders : orders.Where(o => o.Status == only).Take(take).ToList());
    }

    private static async Task<IResult> TradesAsync(int? limit, ITradingStore store, CancellationToken ct)
    {
        if (Limit(limit, out var take) is { } bad) return bad;
        var fills = await store.Orders.GetFillsAsync(null, ct);
        return TypedResults.Ok(fills.OrderByDescending(f => f.Time).Take(take).ToList());
    }

    private static async Task<IResult> PlaceAsync(OrderRequest request, ITradingStore store, IMessageBus bus, TradingSettings settings, ApiRuntime runtime,
        TimeProvider time, ILoggerFactory loggers, IServiceProvider services, CancellationToken ct)
    {
        if (!Symbol.TryParse(request.Symbol, out var symbol)) return Problems.BadRequest($"symbol must be letters and digits such as BTCUSDT, got '{Shown(request.Symbol)}'");
        if (!Enum.TryParse<OrderSide>(request.Side, ignoreCase: true, out var side) || int.TryParse(request.Side, out _))
            return Problems.BadRequest($"side must be BUY or SELL, got '{Shown(request.Side)}'");
        if (request.Quantity is not > 0) return Problems.BadRequest($"quantity must be positive, got {request.Quantity?.ToString() ?? "nothing"}");
        if (request.Price is <= 0) return Problems.BadRequest($"price must be positive, got {request.Price}");
        var executor = await ApiExecutor.CreateAsync(store, bus, settings, runtime, time, loggers, services, "api.orders", ct);
        var outcome = await ManualOrders.PlaceAsync(store, executor, ExecutionRequest.Manual(symbol, side, request.Quantity.Value, request.Price), time, ct);
        if (outcome.IsDenied) return Problems.Result(StatusCodes.Status422UnprocessableEntity, "Denied by the risk gate", outcome.Reason);
        if (outcome.Order is not { } order) return TypedResults.Ok(new { result = outcome.Result.ToString(), reason = outcome.Reason });
        if (await OrderFailures.CauseAsync(store, order, ct) is { } cause)
            return Problems.Result(StatusCodes.Status422UnprocessableEntity, $"Order {order.Status.ToString().ToUpperInvariant()}", cause);
        return TypedResults.Created($"/orders?status=all", order);
    }

    internal static IResult? Limit(int? limit, out int take)
    {
        take = limit ?? 100;
        return take is <= 0 or > MaxLimit ? Problems.BadRequest($"limit must be within 1..{MaxLimit}, got {take}") : null;
    }

    internal static string Shown(string? text) => new((text ?? "").Take(32).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
