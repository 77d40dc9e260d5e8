using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Binance.Signing;

namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// /ws-api/v3: the WebSocket API subset for the user data stream: userDataStream.subscribe.signature (apiKey, timestamp,
/// signature over the params sorted by name), userDataStream.unsubscribe, ping and time. Events follow as
/// {"subscriptionId":N,"event":{...}}.
/// </summary>
internal static class UserDataEndpoint
{
    public static void Map(IEndpointRouteBuilder app, BinanceSimulator sim) => app.Map("/ws-api/v3", async context =>
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new StreamSession(socket, [], combined: false);
        var hub = sim.Exchange.Hub;
        hub.Connect(session);
        try
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(4096), context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    break;
                }
                buffer.Advance(result.Count);
                if (!result.EndOfMessage) continue;
                var answer = Handle(buffer.WrittenMemory, sim, session);
                buffer.ResetWrittenCount();
                await session.TrySendAsync(answer, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Dropped by a fault, by the client, or by the server shutting down.
        }
        finally
        {
            hub.Disconnect(session);
        }
    });

    private static byte[] Handle(ReadOnlyMemory<byte> frame, BinanceSimulator sim, StreamSession session)
    {
        JsonElement request;
        try
        {
            request = JsonDocument.Parse(frame).RootElement.Clone();
        }
        catch (JsonException)
        {
            return Answer(null, 400, null, (-1100, "Illegal characters found in a parameter."));
        }
        var id = request.TryGetProperty("id", out var idElement) ? idElement : (JsonElement?)null;
        var method = request.TryGetProperty("method", out var m) ? m.GetString() : null;
        try
        {
            return method switch
            {
                "ping" => Answer(id, 200, w => { w.WriteStartObject(); w.WriteEndObject(); }),
                "time" => Answer(id, 200, w => { w.WriteStartObject(); w.WriteNumber("serverTime", sim.NowMs); w.WriteEndObject(); }),
                "userDataStream.subscribe.signature" => Subscribe(id, request, sim, session),
                _ => Answer(id, 400, null, (-1020, "This operation is not supported.")),
            };
        }
        catch (SimulatorRejection rejection)
        {
            return Answer(id, rejection.HttpStatus, null, (rejection.Code, rejection.Message));
        }
    }

    private static byte[] Subscribe(JsonElement? id, JsonElement request, BinanceSimulator sim, StreamSession session)
    {
        var options = sim.Exchange.Options;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in p.EnumerateObject())
                parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }
        if (!parameters.TryGetValue("apiKey", out var key)) throw SimulatorRejection.Mandatory("apiKey");
        if (key != options.ApiKey) throw new SimulatorRejection(-2015, "Invalid API-key, IP, or permissions for action.", 401);
        if (!parameters.TryGetValue("signature", out var signature)) throw SimulatorRejection.Mandatory("signature");
        if (!string.Equals(new BinanceSigner(options.ApiSecret).SignWebSocket(parameters), signature, StringComparison.OrdinalIgnoreCase))
            throw new SimulatorRejection(-1022, "Signature for this request is not valid.");
        SignedRequestReader.CheckTimestamp(parameters, sim.NowMs);
        var subscriptionId = sim.Exchange.Hub.Subscribe(session);
        return Answer(id, 200, w => { w.WriteStartObject(); w.WriteNumber("subscriptionId", subscriptionId); w.WriteEndObject(); });
    }

    private static byte[] Answer(JsonElement? id, int status, Action<Utf8JsonWriter>? result, (int Code, string Message)? error = null) =>
        SimulatorJson.Write(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("id");
            if (id is { } value) value.WriteTo(w); else w.WriteNullValue();
            w.WriteNumber("status", status);
            if (result is not null)
            {
                w.WritePropertyName("result");
                result(w);
            }
            if (error is { } e)
            {
                w.WriteStartObject("error");
                w.WriteNumber("code", e.Code);
                w.WriteString("msg", e.Message);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
}
