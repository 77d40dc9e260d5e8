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

    /// <summary>The bot in one file, or null after adding every problem the file has (one line each).</summary>
    private static BotDefinition? ReadOne(string path, string displayName, List<ConfigProblem> problems)
    {
        var before = problems.Count;
        void Add(string message) => problems.Add(new ConfigProblem(displayName, $"{displayName}: {message}"));
        BotFile? file;
        try
        {
            var text = File.ReadAllText(path);
            file = JsonSerializer.Deserialize<BotFile>(text, Options);
            foreach (var (unknown, line) in UnknownKeys(text))
                problems.Add(new ConfigProblem(displayName, $"{displayName} line {line}: unknown key '{unknown}'"));
        }
        catch (JsonException e)
        {
            problems.Add(new ConfigProblem(displayName, $"{displayName} line {e.LineNumber + 1}: {Reason(e)}"));
            return null;
        }
        if (file is null)
        {
            Add("the file must hold one JSON object");
            return null;
        }
        var id = string.IsNullOrWhiteSpace(file.Id) ? Path.GetFileNameWithoutExtension(path) : file.Id;
        if (BotNames.Problem(id) is { } badName) Add(badName);
        if (string.IsNullOrWhiteSpace(file.Strategy)) Add("'strategy' is required");
        var symbols = file.Symbols ?? [];
        if (symbols.Count == 0) Add("'symbols' must list at least one symbol");
        foreach (var bad in symbols.Where(s => !Symbol.TryParse(s, out _))) Add($"'{bad}' is not a valid symbol");
        var timeframe = file.Timeframe ?? "1m";
        if (!Timeframe.TryParse(timeframe, out _)) Add($"'{timeframe}' is not a known timeframe");
        if (problems.Count > before) return null;
        return new BotDefinition
        {
            Id = id,
            Strategy = file.Strategy!,
            Symbols = symbols.Select(s => Symbol.Parse(s).Name).ToList(),
            Timeframe = timeframe,
            Parameters = (file.Parameters ?? []).ToDictionary(p => p.Key, p => ParameterText(p.Value)),
            Sizing = file.Sizing ?? "fixed_quantity",
            SizingValue = file.SizingValue ?? 0m,
            Enabled = file.Enabled ?? true,
        };
    }

    /// <summary>Every top-level key the file has and a bot does not, with its line, so one run lists them all.</summary>
    private static List<(string Name, int Line)> UnknownKeys(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var unknown = new List<(string, int)>();
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
            var name = reader.GetString() ?? "";
            if (!KnownKeys.Contains(name)) unknown.Add((name, 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n')));
        }
        return unknown;
    }

    private static readonly HashSet<string> KnownKeys =
        ["id", "strategy", "symbols", "timeframe", "parameters", "sizing", "sizing_value", "enabled"];

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
