using System.Text.Json;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Configuration;

/// <summary>Checks one bot file's keys and values, adding one problem per bad key or value, and builds the bot from the good ones.</summary>
internal sealed class BotFileReader(string text, string displayName, List<ConfigProblem> problems)
{
    public const string NoId = "";

    public BotDefinition Read(IReadOnlyDictionary<string, JsonElement> root)
    {
        var bot = new BotDefinition { Id = NoId, Strategy = "", Sizing = "fixed_quantity" };
        var hasStrategy = false;
        var hasSymbols = false;
        foreach (var (name, value) in root)
        {
            var property = new Entry(name, value);
            switch (name)
            {
                case "id":
                    bot = bot with { Id = String(property) ?? NoId };
                    break;
                case "strategy":
                    var strategy = String(property);
                    hasStrategy = !string.IsNullOrWhiteSpace(strategy);
                    bot = bot with { Strategy = strategy ?? "" };
                    break;
                case "symbols":
                    hasSymbols = true;
                    bot = bot with { Symbols = Symbols(property) };
                    break;
                case "timeframe":
                    var timeframe = String(property);
                    if (timeframe is not null && !Timeframe.TryParse(timeframe, out _)) Add($"'{timeframe}' is not a known timeframe");
                    else if (timeframe is not null) bot = bot with { Timeframe = timeframe };
                    break;
                case "parameters":
                    bot = bot with { Parameters = Parameters(property) };
                    break;
                case "sizing":
                    var sizing = String(property);
                    if (sizing is not null && !SizingNames.TryParse(sizing, out _)) Add($"sizing '{sizing}' is not one of {SizingNames.Choices}");
                    else if (sizing is not null) bot = bot with { Sizing = sizing };
                    break;
                case "sizing_value":
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var amount)) bot = bot with { SizingValue = amount };
                    else Add(property, "must be a number");
                    break;
                case "enabled":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) bot = bot with { Enabled = value.GetBoolean() };
                    else Add(property, "must be true or false");
                    break;
                default:
                    problems.Add(new ConfigProblem(displayName, $"{displayName} line {LineOf(name)}: unknown key '{name}'"));
                    break;
            }
        }
        if (!hasStrategy) Add("'strategy' is required");
        if (!hasSymbols) Add("'symbols' must list at least one symbol");
        CheckSizingValue(bot);
        return bot;
    }

    private void CheckSizingValue(BotDefinition bot)
    {
        if (bot.SizingValue < 0) Add($"sizing_value must not be negative (got {bot.SizingValue})");
        else if (bot.SizingValue > 0 && SizingNames.TryParse(bot.Sizing, out var mode) && SizingNames.Problem(mode, bot.SizingValue) is { } problem)
            Add($"sizing_value {bot.SizingValue} does not fit sizing '{bot.Sizing}': {problem}");
    }

    private string? String(Entry property)
    {
        if (property.Value.ValueKind == JsonValueKind.String) return property.Value.GetString();
        Add(property, "must be a string");
        return null;
    }

    private List<string> Symbols(Entry property)
    {
        var symbols = new List<string>();
        if (property.Value.ValueKind != JsonValueKind.Array)
        {
            Add(property, "must be a list of symbols");
            return symbols;
        }
        foreach (var item in property.Value.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText();
            if (Symbol.TryParse(text, out var symbol)) symbols.Add(symbol.Name);
            else Add($"'{text}' is not a valid symbol");
        }
        if (symbols.Count == 0 && property.Value.GetArrayLength() == 0) Add("'symbols' must list at least one symbol");
        return symbols;
    }

    private Dictionary<string, string> Parameters(Entry property)
    {
        var parameters = new Dictionary<string, string>();
        if (property.Value.ValueKind != JsonValueKind.Object)
        {
            Add(property, "must be an object of parameter names and values");
            return parameters;
        }
        foreach (var parameter in property.Value.EnumerateObject())
        {
            switch (parameter.Value.ValueKind)
            {
                case JsonValueKind.String: parameters[parameter.Name] = parameter.Value.GetString() ?? ""; break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False: parameters[parameter.Name] = parameter.Value.GetRawText(); break;
                default: Add($"parameter '{parameter.Name}' must be a string, number or boolean"); break;
            }
        }
        return parameters;
    }

    private void Add(Entry property, string why) =>
        problems.Add(new ConfigProblem(displayName, $"{displayName} line {LineOf(property.Name)}: '{property.Name}' {why}"));

    private void Add(string message) => problems.Add(new ConfigProblem(displayName, $"{displayName}: {message}"));

    private readonly record struct Entry(string Name, JsonElement Value);

    /// <summary>The 1-based line of the first occurrence of the key; JsonDocument keeps no positions.</summary>
    private int LineOf(string key)
    {
        var index = text.IndexOf($"\"{key}\"", StringComparison.Ordinal);
        return index < 0 ? 1 : text.AsSpan(0, index).Count('\n') + 1;
    }
}
