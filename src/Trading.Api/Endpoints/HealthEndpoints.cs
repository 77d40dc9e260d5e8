using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Api.Contracts;
using Trading.Core.MarketData;
using Trading.Core.Messaging;
using Trading.Core.Storage;
using Trading.Api.Hosting;

namespace Trading.Api.Endpoints;

/// <summary>GET /health (liveness, no key) and GET /health/ready (the store answers, the bus is up, the market is connected).</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok"))).WithTags("health").WithSummary("Liveness: the process answers");
        app.MapGet("/health/ready", ReadyAsync).WithTags("health").WithSummary("Readiness: store, bus and market connection");
    }

    private static async Task<IResult> ReadyAsync(ITradingStore store, IMessageBus bus, ApiRuntime runtime, IServiceProvider services, CancellationToken ct)
    {
        var checks = new List<HealthCheck> { await StoreCheckAsync(store, ct), new("bus", true, bus.GetType().Name) };
        var market = services.GetService(typeof(IMarketConnectionHealth)) as IMarketConnectionHealth;
        checks.Add(!runtime.Options.Services.Contains(ApiOptions.CollectorService) || market is null
            ? new HealthCheck("market", true, "no collector in this process")
            : new HealthCheck("market", market.IsConnected, market.IsConnected ? "connected" : market.Reason ?? "disconnected"));
        var ready = checks.All(c => c.Ok);
        var body = new ReadinessResponse(ready ? "ready" : "not ready", checks);
        return ready ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<HealthCheck> StoreCheckAsync(ITradingStore store, CancellationToken ct)
    {
        try
        {
            var migrations = await store.GetMigrationStatusAsync(ct);
            var pending = migrations.Count(m => !m.Applied);
            return new HealthCheck("store", pending == 0, pending == 0 ? store.Provider : $"{store.Provider}: {pending} migration(s) pending");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or TimeoutException)
        {
            return new HealthCheck("store", false, $"{store.Provider} does not answer");
        }
    }
}
