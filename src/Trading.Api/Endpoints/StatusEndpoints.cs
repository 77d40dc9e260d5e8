using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Trading.Api.Endpoints;

/// <summary>GET /status: mode, trading state, the services of this process and its uptime.</summary>
public static class StatusEndpoints
{
    public static void MapStatusEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/status", async (StatusCache status, CancellationToken ct) => TypedResults.Ok(await status.GetAsync(ct)))
            .WithTags("status").WithSummary("Mode, trading state, services and uptime");
}
