using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Trading.Api.Contracts;

namespace Trading.Api.Endpoints;

/// <summary>
/// GET /status: mode, trading state, the services of this process and its uptime. The answer is the cached snapshot's bytes,
/// written as they are: no request scope, no serializer, no allocation while the snapshot is fresh.
/// </summary>
public static class StatusEndpoints
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static void MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        var status = app.ServiceProvider.GetRequiredService<StatusCache>();
        // A Func, not a RequestDelegate, so the route is a described route handler (OpenAPI lists it with its schema).
        Func<HttpContext, Task> handler = context => status.Fresh is { } fresh ? WriteAsync(context, fresh) : RefreshAndWriteAsync(context, status);
        app.MapGet("/status", handler)
            .Produces<StatusResponse>(StatusCodes.Status200OK, "application/json")
            .WithTags("status").WithSummary("Mode, trading state, services and uptime");
    }

    private static async Task RefreshAndWriteAsync(HttpContext context, StatusCache status) =>
        await WriteAsync(context, await status.GetAsync(context.RequestAborted));

    private static Task WriteAsync(HttpContext context, StatusSnapshot snapshot)
    {
        var response = context.Response;
        response.ContentType = JsonContentType;
        response.ContentLength = snapshot.Utf8Json.Length;
        var written = response.BodyWriter.WriteAsync(snapshot.Utf8Json);
        return written.IsCompletedSuccessfully ? Task.CompletedTask : written.AsTask();
    }
}
