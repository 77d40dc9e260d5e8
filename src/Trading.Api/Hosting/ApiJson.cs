using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trading.Api.Hosting;

/// <summary>
/// The API's JSON: camelCase names, decimals as numbers, enums as the bus writes them (BUY, PARTIALLY_FILLED), so an
/// answer reads like the messages on the bus and the CLI's --json output.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper));
    }

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
