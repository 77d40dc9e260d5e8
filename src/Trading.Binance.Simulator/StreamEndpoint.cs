using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Trading.Binance.Simulator;

/// <summary>/stream?streams=a/b: accepts the socket, registers it with the hub and reads until it closes.</summary>
internal static class StreamEndpoint
{
    public static void Map(IEndpointRouteBuilder app, StreamHub hub) => app.Map("/stream", async context =>
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var streams = context.Request.Query["streams"].ToString()
            .Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        if (streams.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var backfillsBeforeConnect = hub.BackfillCount;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new StreamSession(socket, streams);
        hub.Add(session, backfillsBeforeConnect);
        try
        {
            var buffer = new byte[4096];
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Dropped by a fault, by the client, or by the server shutting down.
        }
        finally
        {
            hub.Remove(session);
        }
    });
}
