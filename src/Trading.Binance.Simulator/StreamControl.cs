using System.Text.Json;

namespace Trading.Binance.Simulator;

/// <summary>Binance's stream control messages ({"method":..,"params":[..],"id":..}) and their answers and error codes.</summary>
internal static class StreamControl
{
    private const int MaxStreamsPerConnection = 1024;

    public readonly record struct ControlAnswer(byte[] Frame, bool SubscriptionsChanged);

    public static ControlAnswer Answer(StreamSession session, byte[] message)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(message).RootElement;
        }
        catch (JsonException e)
        {
            return Error(3, $"Invalid JSON: {e.Message}", null);
        }
        if (root.ValueKind != JsonValueKind.Object) return Error(2, "Invalid request: expected an object", null);
        JsonElement? id = root.TryGetProperty("id", out var idValue) ? idValue : null;
        if (id is { } given && !IsValidId(given)) return Error(2, "Invalid request: request ID must be an unsigned integer", null);
        if (!root.TryGetProperty("method", out var methodValue) || methodValue.ValueKind != JsonValueKind.String)
            return Error(2, "Invalid request: missing field `method`", id);
        var parameters = root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().ToList() : [];
        switch (methodValue.GetString())
        {
            case "SUBSCRIBE" or "UNSUBSCRIBE" when parameters.Any(e => e.ValueKind != JsonValueKind.String || e.GetString()!.Length == 0):
                return Error(2, "Invalid request: stream names must be strings", id);
            case "SUBSCRIBE":
                var added = parameters.Select(e => e.GetString()!).ToList();
                if (session.Streams.Union(added).Count() > MaxStreamsPerConnection)
                    return Error(2, $"Invalid request: a connection listens to at most {MaxStreamsPerConnection} streams", id);
                session.Subscribe(added);
                return Result(w => w.WriteNullValue(), id, subscriptionsChanged: true);
            case "UNSUBSCRIBE":
                session.Unsubscribe(parameters.Select(e => e.GetString()!));
                return Result(w => w.WriteNullValue(), id, subscriptionsChanged: true);
            case "LIST_SUBSCRIPTIONS":
                var streams = session.Streams;
                return Result(w =>
                {
                    w.WriteStartArray();
                    foreach (var stream in streams) w.WriteStringValue(stream);
                    w.WriteEndArray();
                }, id);
            case "SET_PROPERTY":
                if (parameters.Count != 2 || parameters[0].ValueKind != JsonValueKind.String || parameters[0].GetString() != "combined")
                    return Error(0, "Unknown property", id);
                if (parameters[1].ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    return Error(1, "Invalid value type: expected Boolean", id);
                session.Combined = parameters[1].GetBoolean();
                return Result(w => w.WriteNullValue(), id);
            case "GET_PROPERTY":
                if (parameters.Count != 1 || parameters[0].ValueKind != JsonValueKind.String || parameters[0].GetString() != "combined")
                    return Error(0, "Unknown property", id);
                return Result(w => w.WriteBooleanValue(session.Combined), id);
            default:
                return Error(2, $"Invalid request: unknown variant {methodValue.GetString()}, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`", id);
        }
    }

    private static bool IsValidId(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.Null => true,
        JsonValueKind.Number => id.TryGetInt64(out _),
        JsonValueKind.String => id.GetString()!.Length <= 36 && id.GetString()!.All(char.IsAsciiLetterOrDigit),
        _ => false,
    };

    private static ControlAnswer Result(Action<Utf8JsonWriter> writeResult, JsonElement? id, bool subscriptionsChanged = false) => new(SimulatorJson.Write(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("result");
        writeResult(w);
        WriteId(w, id);
        w.WriteEndObject();
    }), subscriptionsChanged);

    private static ControlAnswer Error(int code, string message, JsonElement? id) => new(SimulatorJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteNumber("code", code);
        w.WriteString("msg", message);
        w.WriteEndObject();
        WriteId(w, id);
        w.WriteEndObject();
    }), false);

    private static void WriteId(Utf8JsonWriter w, JsonElement? id)
    {
        w.WritePropertyName("id");
        if (id is { } value) value.WriteTo(w);
        else w.WriteNullValue();
    }
}
