using System.Text.Json;
using Trading.TestInfrastructure;

namespace Trading.Binance.Simulator.Tests;

/// <summary>A JSON value's field names in order with their JSON kinds; arrays by the shape of their first element.</summary>
public static class JsonShape
{
    public static string Of(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Select(p => $"{p.Name}:{Of(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + (element.GetArrayLength() > 0 ? Of(element[0]) : "") + "]",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => element.ValueKind.ToString(),
    };

    public static string Of(string json) => Of(JsonDocument.Parse(json).RootElement);

    public static JsonElement Example(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.SharedBinance, "examples", file))).RootElement;
}
