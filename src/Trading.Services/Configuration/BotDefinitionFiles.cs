using System.Text.Json;
using Trading.Core.Storage;

namespace Trading.Services.Configuration;

/// <summary>
/// Reads config/bots/*.json, one bot per file, snake_case keys. The id defaults to the file name; parameter values may
/// be JSON strings, numbers or booleans. Every problem of a file is reported, one line each; a file with any is skipped.
/// </summary>
public static class BotDefinitionFiles
{
    private static readonly JsonSerializerOptions Options = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static IReadOnlyList<BotDefinition> ReadAll(string directory, string displayDirectory, List<ConfigProblem> problems) =>
        ReadAllWithSources(directory, displayDirectory, problems).Select(b => b.Bot).ToList();

    /// <summary>Every valid bot with the file it came from (as problems name it), in file-name order.</summary>
    public static IReadOnlyList<(BotDefinition Bot, string Source)> ReadAllWithSources(string directory, string displayDirectory, List<ConfigProblem> problems)
    {
        var bots = new List<(BotDefinition Bot, string Source)>();
        if (!Directory.Exists(directory)) return bots;
        foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var displayName = $"{displayDirectory}/{Path.GetFileName(path)}";
            var bot = ReadOne(path, displayName, problems);
            if (bot is null) continue;
            if (bots.Any(b => b.Bot.Id == bot.Id)) problems.Add(new ConfigProblem(displayName, $"{displayName}: bot id '{bot.Id}' is used twice"));
            else bots.Add((bot, displayName));
        }
        return bots;
    }

    private static BotDefinition? ReadOne(string path, string displayName, List<ConfigProblem> problems)
    {
        var text = File.ReadAllText(path);
        Dictionary<string, JsonElement>? root;
        try
        {
            root = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(text, Options);
        }
        catch (JsonException e)
        {
            problems.Add(new ConfigProblem(displayName, $"{displayName} line {e.LineNumber + 1}: invalid JSON or a wrong value type at {e.Path ?? "$"}"));
            return null;
        }
        if (root is null)
        {
            problems.Add(new ConfigProblem(displayName, $"{displayName}: the file must hold one JSON object"));
            return null;
        }
        var before = problems.Count;
        var bot = new BotFileReader(text, displayName, problems).Read(root);
        var named = string.IsNullOrWhiteSpace(bot.Id) ? bot with { Id = Path.GetFileNameWithoutExtension(path) } : bot;
        if (BotNames.Problem(named.Id) is { } badName) problems.Add(new ConfigProblem(displayName, $"{displayName}: {badName}"));
        return problems.Count > before ? null : named;
    }
}
