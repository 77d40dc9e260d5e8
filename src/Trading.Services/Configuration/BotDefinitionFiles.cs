using System.Text.Json;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Configuration;

/// <summary>
/// Reads config/bots/*.json, one bot per file, snake_case keys. The id defaults to the file name;
/// parameter values may be JSON strings, numbers or booleans.
/// </summary>
public static class BotDefinitionFiles
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyList<BotDefinition> ReadAll(string directory, string displayDirectory, List<ConfigProblem> problems)
    {
        var bots = new List<BotDefinition>();
        if (!Directory.Exists(directory)) return bots;
        foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var displayName = $"{displayDirectory}/{Path.GetFileName(path)}";
            var bot = ReadOne(path, displayName, problems);
            if (bot is null) continue;
            if (bots.Any(b => b.Id == bot.Id)) problems.Add(new ConfigProblem(displayName, $"{displayName}: bot id '{bot.Id}' is used twice"));
            else bots.Add(bot);
        }
        return bots;
    }

    private static BotDefinition? ReadOne(string path, string displayName, List<ConfigProblem> problems)
    {
        BotFile? file;
        try
        {
            file = JsonSerializer.Deserialize<BotFile>(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            problems.Add(new ConfigProblem(displayName, $"{displayName} line {e.LineNumber + 1}: {Reason(e)}"));
            return null;
        }
        if (file is null || string.IsNullOrWhiteSpace(file.Strategy))
        {
            problems.Add(new ConfigProblem(displayName, $"{displayName}: 'strategy' is required"));
            return null;
        }
        var symbols = file.Symbols ?? [];
        var bad = symbols.FirstOrDefault(s => !Symbol.TryParse(s, out _));
        if (bad is not null || symbols.Count == 0)
        {
            problems.Add(new ConfigProblem(displayName, bad is null
                ? $"{displayName}: 'symbols' must list at least one symbol"
                : $"{displayName}: '{bad}' is not a valid symbol"));
            return null;
        }
        var timeframe = file.Timeframe ?? "1m";
        if (!Timeframe.TryParse(timeframe, out _))
        {
            problems.Add(new ConfigProblem(displayName, $"{displayName}: '{timeframe}' is not a known timeframe"));
            return null;
        }
        return new BotDefinition
        {
            Id = string.IsNullOrWhiteSpace(file.Id) ? Path.GetFileNameWithoutExtension(path) : file.Id,
            Strategy = file.Strategy,
            Symbols = symbols.Select(s => Symbol.Parse(s).Name).ToList(),
            Timeframe = timeframe,
            Parameters = (file.Parameters ?? []).ToDictionary(p => p.Key, p => ParameterText(p.Value)),
            Sizing = file.Sizing ?? "fixed_quantity",
            SizingValue = file.SizingValue ?? 0m,
            Enabled = file.Enabled ?? true,
        };
    }

    private static string ParameterText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.GetRawText(),
    };

    private static string Reason(JsonException e)
    {
        if (!e.Message.Contains("could not be mapped", StringComparison.Ordinal)) return $"invalid JSON or a wrong value type at {e.Path ?? "$"}";
        var parts = e.Message.Split('\'');
        return parts.Length >= 3 ? $"unknown key '{parts[1]}'" : "unknown key";
    }

    private sealed class BotFile
    {
        public string? Id { get; set; }
        public string? Strategy { get; set; }
        public List<string>? Symbols { get; set; }
        public string? Timeframe { get; set; }
        public Dictionary<string, JsonElement>? Parameters { get; set; }
        public string? Sizing { get; set; }
        public decimal? SizingValue { get; set; }
        public bool? Enabled { get; set; }
    }
}
