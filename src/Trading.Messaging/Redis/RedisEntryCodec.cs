using System.Text.Json;
using StackExchange.Redis;
using Trading.Core.Messaging;

namespace Trading.Messaging.Redis;

/// <summary>
/// A stream entry holds one envelope as JSON in the field <c>envelope</c>, with its id and type beside it so XRANGE is
/// readable by hand.
/// </summary>
internal static class RedisEntryCodec
{
    public const string EnvelopeField = "envelope";

    public static NameValueEntry[] Encode(MessageEnvelope message) =>
    [
        new("id", message.Id),
        new("type", message.Type),
        new(EnvelopeField, JsonSerializer.SerializeToUtf8Bytes(message, MessageJson.Options)),
    ];

    /// <summary>The envelope of <paramref name="entry"/>, or false with the reason it cannot be read.</summary>
    public static bool TryDecode(StreamEntry entry, out MessageEnvelope message, out string problem)
    {
        message = null!;
        var json = entry[EnvelopeField];
        if (json.IsNullOrEmpty)
        {
            problem = $"entry {entry.Id} has no '{EnvelopeField}' field";
            return false;
        }
        try
        {
            var decoded = JsonSerializer.Deserialize<MessageEnvelope>(((ReadOnlyMemory<byte>)json).Span, MessageJson.Options);
            if (decoded is null || string.IsNullOrWhiteSpace(decoded.Id) || string.IsNullOrWhiteSpace(decoded.Type))
            {
                problem = $"entry {entry.Id} is not a message envelope (it needs an id and a type)";
                return false;
            }
            message = decoded;
            problem = "";
            return true;
        }
        catch (JsonException e)
        {
            problem = $"entry {entry.Id} is not valid JSON: {e.Message}";
            return false;
        }
    }

    /// <summary>An envelope standing in for an entry that could not be read, so it can travel inside a <see cref="DeadLetter"/>.</summary>
    public static MessageEnvelope Unreadable(StreamEntry entry, DateTimeOffset now) =>
        MessageEnvelope.Create("unreadable", entry.Values.ToDictionary(v => (string)v.Name!, v => (string?)v.Value), now, id: $"entry:{entry.Id}");
}
