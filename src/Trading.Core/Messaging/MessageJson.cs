using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trading.Core.Messaging;

/// <summary>The one JSON dialect used on the bus: camelCase, enums as strings.</summary>
public static class MessageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };
}
