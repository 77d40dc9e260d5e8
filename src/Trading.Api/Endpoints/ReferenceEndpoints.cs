using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;
using Scalar.AspNetCore;
using Trading.Api.Security;
using Trading.Services.Backtesting;

namespace Trading.Api.Endpoints;

/// <summary>
/// The OpenAPI document (/openapi/v1.json), its reference page (/scalar), the chart library for the dashboard, and
/// /metrics in the Prometheus text format (keyed: X-API-Key, or the key as a bearer token, which Prometheus sends).
/// </summary>
public static class ReferenceEndpoints
{
    public static void MapReferenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("Trading platform API"));
        app.MapGet(PublicPaths.ChartLibrary, () => TypedResults.Text(ChartLibrary.StandaloneScript, "text/javascript; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapMetrics().ExcludeFromDescription();
    }
}
