using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trading.Storage.Sql;

/// <summary>Serialisation of the small JSON columns (indicator values, bot symbols and parameters).</summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) where T : new() => JsonSerializer.Deserialize<T>(json, Options) ?? new T();
}
