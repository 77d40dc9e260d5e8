using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Trading.Binance.Simulator;

/// <summary>
/// POST /sim/faults with {"kind": "rate-limit"|"ban"|"clear"|"server-error"|"delay"|"malformed-body"|"drop"|"malformed"|"shutdown"|"order-timeout"|"order-server-error"|"drop-user-data",
/// "retryAfter": seconds (a ban or rate limit lasts that long), "times": n, "status": 5xx, "delayMs": ms}. GET /sim/status shows the replay.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, BinanceSimulator sim)
    {
        app.MapPost("/sim/faults", async (HttpRequest request) =>
        {
            JsonElement body;
            try
            {
                body = (await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted)).RootElement;
            }
            catch (JsonException ex)
            {
                return Results.BadRequest(new { error = $"body is not JSON: {ex.Message}" });
            }
            var kind = Read(body, "kind")?.GetString();
            var retryAfter = Read(body, "retryAfter")?.GetInt32() ?? 1;
            var times = Read(body, "times")?.GetInt32() ?? 1;
            switch (kind)
            {
                case "rate-limit": sim.Faults.Enqueue(HttpFault.RateLimited(retryAfter)); break;
                case "ban": sim.Faults.Enqueue(HttpFault.Banned(retryAfter)); break;
                case "server-error": sim.Faults.Enqueue(HttpFault.ServerError(times, Read(body, "status")?.GetInt32() ?? 503)); break;
                case "delay": sim.Faults.Enqueue(HttpFault.Delayed(TimeSpan.FromMilliseconds(Read(body, "delayMs")?.GetInt32() ?? 1000), times)); break;
                case "clear": sim.Faults.ClearHttpFaults(); break;
                case "malformed-body": sim.Faults.Enqueue(HttpFault.MalformedBody(times)); break;
                case "drop": sim.Faults.DropConnections(); break;
                case "malformed": await sim.Faults.SendMalformedFrameAsync(); break;
                case "shutdown": await sim.Faults.SendServerShutdownAsync(); break;
                case "order-timeout": sim.Exchange.Faults.Enqueue(new(Matching.OrderFaultKind.TimeoutAfterAccept, times, Read(body, "delayMs")?.GetInt32() is { } ms ? TimeSpan.FromMilliseconds(ms) : null)); break;
                case "order-server-error": sim.Exchange.Faults.Enqueue(new(Matching.OrderFaultKind.ServerErrorAfterAccept, times)); break;
                case "order-drop": sim.Exchange.Faults.Enqueue(new(Matching.OrderFaultKind.DropAfterAccept, times)); break;
                case "drop-user-data": sim.Exchange.DropUserDataStreams(); break;
                default: return Results.BadRequest(new { error = $"unknown fault kind '{kind}'" });
            }
            return Results.Ok(new { applied = kind });
        });
        app.MapGet("/sim/status", () => Results.Ok(new
        {
            connections = sim.StreamConnections,
            series = sim.Market.Series.Select(s => new { stream = s.StreamName, closed = s.Cursor, total = s.Candles.Count }),
        }));
    }

    private static JsonElement? Read(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) ? value : null;
}
