using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trading.Api.Security;
using Trading.Api.Streaming;
using Trading.Core.Messaging;
using Trading.Core.Model;

namespace Trading.Api.Endpoints;

/// <summary>
/// GET /events?symbol=BTCUSDT: server-sent events from the bus, each named by its message type (candle, candle.open,
/// signal, order, fill, bot.status) with the message's JSON payload as data and its id as the event id.
/// </summary>
public static class EventStreamEndpoints
{
    public static void MapEventStream(this IEndpointRouteBuilder app) =>
        app.MapGet("/events", (string? symbol, LiveEventHub hub, CancellationToken ct) =>
        {
            var streams = new List<string> { StreamNames.Signals, StreamNames.Orders, StreamNames.Fills, StreamNames.BotStatus };
            if (symbol is not null)
            {
                if (!Symbol.TryParse(symbol, out var parsed)) return Problems.BadRequest($"symbol must be letters and digits such as BTCUSDT, got '{OrderEndpoints.Shown(symbol)}'");
                streams.Add(StreamNames.Candles(parsed));
                streams.Add(StreamNames.OpenCandles(parsed));
            }
            return TypedResults.ServerSentEvents(ReadAsync(hub.Connect(streams), ct));
        }).WithTags("events").WithSummary("Live candles, signals, orders, fills and bot states as server-sent events");

    private static async IAsyncEnumerable<SseItem<string>> ReadAsync(LiveSubscription subscription, [EnumeratorCancellation] CancellationToken ct)
    {
        using (subscription)
        {
            // A first event tells the client the stream is open before the market sends anything.
            yield return new SseItem<string>("{}", "ready");
            await foreach (var message in subscription.Events.ReadAllAsync(ct))
                yield return new SseItem<string>(message.Payload.GetRawText(), message.Type) { EventId = message.Id };
        }
    }
}
