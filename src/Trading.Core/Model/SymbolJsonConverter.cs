using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trading.Core.Model;

/// <summary>A <see cref="Symbol"/> travels in JSON as its name ("BTCUSDT"); an invalid name fails the read.</summary>
public sealed class SymbolJsonConverter : JsonConverter<Symbol>
{
    public override Symbol Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Symbol.TryParse(text, out var symbol) ? symbol : throw new JsonException($"Invalid symbol '{text}': expected a name such as BTCUSDT.");
    }

    public override void Write(Utf8JsonWriter writer, Symbol value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Name);
    }
}
