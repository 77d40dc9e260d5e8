using System.Text.Json;

namespace Trading.Services.Configuration;

/// <summary>
/// Reads appsettings.json. Scalars are flattened into setting names, so <c>{"TRADING_MODE": "live"}</c>,
/// <c>{"Trading": {"Mode": "live"}}</c> and <c>{"trading": {"mode": "live"}}</c> all set TRADING_MODE.
/// Keys that are not settings are ignored: the file is shared with ASP.NET (Kestrel, Logging, ...).
/// </summary>
public static class AppSettingsFile
{
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string path, string displayName, List<ConfigProblem> problems)
    {
        var values = new List<KeyValuePair<string, string>>();
        try
        {
            var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            using var document = JsonDocument.Parse(File.ReadAllText(path), options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ConfigProblem(displayName, $"{displayName}: the top level must be a JSON object"));
                return values;
            }
            Flatten(document.RootElement, [], values);
        }
        catch (JsonException e)
        {
            problems.Add(new ConfigProblem(displayName, $"{displayName} line {e.LineNumber + 1}: invalid JSON"));
        }
        return values;
    }

    private static void Flatten(JsonElement element, List<string> path, List<KeyValuePair<string, string>> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    path.Add(property.Name);
                    Flatten(property.Value, path, values);
                    path.RemoveAt(path.Count - 1);
                }
                break;
            case JsonValueKind.String:
                values.Add(new(SettingPath.ToSettingName(path), element.GetString() ?? ""));
                break;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                values.Add(new(SettingPath.ToSettingName(path), element.GetRawText()));
                break;
            case JsonValueKind.Null:
                values.Add(new(SettingPath.ToSettingName(path), ""));
                break;
        }
    }
}
