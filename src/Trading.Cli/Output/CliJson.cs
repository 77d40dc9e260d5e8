using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trading.Cli.Output;

/// <summary>The --json option of the read commands and how they print: camelCase fields (as the REST API), enums as strings.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Option<bool> Option() => new("--json") { Description = "Print JSON (camelCase fields, amounts rounded to the symbol's precision) instead of a table" };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
