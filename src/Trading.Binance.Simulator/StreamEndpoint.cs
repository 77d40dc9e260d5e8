using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Trading.Binance.Simulator;

/// <summary>
/// Raw streams on /ws and /ws/&lt;stream&gt;[/&lt;stream&gt;..] and combined streams on /stream?streams=a/b: accepts the
/// socket, registers it with the hub and answers SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS / SET_PROPERTY /
/// GET_PROPERTY until it closes.
/// </summary>
internal static class StreamEndpoint
{
    private const int MaxMessageBytes = 64 * 1024;

    public static void Map(IEndpointRouteBuilder app, StreamHub hub)
    {
        app.Map("/stream", context => ServeAsync(context, hub, SplitStreams(context.Request.Query["streams"].ToString()), combined: true));
        app.Map("/ws", context => ServeAsync(context, hub, [], combined: false));
        app.Map("/ws/{**streams}", context => ServeAsync(context, hub, SplitStreams(context.Request.RouteValues["streams"] as string), combined: false));
    }

    private static string[] SplitStreams(string? text) =>
        (text ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task ServeAsync(HttpContext context, StreamHub hub, string[] streams, bool combined)
    {
        if (!context.WebSockets.IsWebSocketRequest || (combined && streams.Length == 0))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var backfillsBeforeConnect = hub.BackfillCount;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new StreamSession(socket, streams, combined);
        hub.Add(session, backfillsBeforeConnect);
        try
        {
            await ReadControlMessagesAsync(session, hub, context.RequestAborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Dropped by a fault, by the client, or by the server shutting down.
        }
        finally
        {
            hub.Remove(session);
        }
    }

    private static async Task ReadControlMessagesAsync(StreamSession session, StreamHub hub, CancellationToken ct)
    {
        var socket = session.Socket;
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return;
            }
            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "message too big", CancellationToken.None);
                return;
            }
            if (!result.EndOfMessage) continue;
            var answer = StreamControl.Answer(session, message.ToArray());
            message.SetLength(0);
            // Answered before the replay may stream to the new subscription, so the answer comes first as on Binance.
            if (!await session.TrySendAsync(answer.Frame, ct)) return;
            if (answer.SubscriptionsChanged) hub.SubscriptionsChanged();
        }
    }
}
