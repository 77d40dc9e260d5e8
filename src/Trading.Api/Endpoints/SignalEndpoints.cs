using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Core.Storage;

namespace Trading.Api.Endpoints;

/// <summary>GET /signals?strategy=&amp;limit= and GET /risk-decisions?signalId=&amp;orderId=&amp;limit=, newest first.</summary>
public static class SignalEndpoints
{
    public static void MapSignalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signals", async (string? strategy, int? limit, ITradingStore store, CancellationToken ct) =>
            OrderEndpoints.Limit(limit, out var take) ?? TypedResults.Ok(await store.Signals.ListAsync(strategy, take, ct)))
            .WithTags("signals").WithSummary("Stored signals with their indicator values, newest first");
        app.MapGet("/risk-decisions", async (string? signalId, string? orderId, int? limit, ITradingStore store, CancellationToken ct) =>
            OrderEndpoints.Limit(limit, out var take) ?? TypedResults.Ok(await store.RiskDecisions.ListAsync(signalId, orderId, take, ct)))
            .WithTags("signals").WithSummary("The risk gate's verdicts, newest first");
    }
}
