using System.Text.Json;

namespace Trading.Core.Messaging;

/// <summary>The versioned JSON envelope every bus message travels in.</summary>
public sealed record MessageEnvelope(string Id, string Type, int Version, DateTimeOffset Time, JsonElement Payload)
{
    public T Deserialize<T>() => Payload.Deserialize<T>(MessageJson.Options)
        ?? throw new InvalidDataException($"Message {Id} of type {Type} has an empty payload.");

    public static MessageEnvelope Create<T>(string type, T payload, DateTimeOffset time, int version = 1, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString("N"), type, version, time, JsonSerializer.SerializeToElement(payload, MessageJson.Options));
}
