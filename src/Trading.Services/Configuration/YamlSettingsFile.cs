using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Trading.Services.Configuration;

/// <summary>
/// Reads config/settings.yaml and config/risk_limits.yaml: nested mappings of scalars flattened into setting
/// names (<c>binance: {base_url: ...}</c> sets BINANCE_BASE_URL; risk_limits.yaml keys get the RISK_ prefix).
/// Unknown keys are problems, so a typo does not go unnoticed.
/// </summary>
public static class YamlSettingsFile
{
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string path, string displayName, string? prefix, List<ConfigProblem> problems)
    {
        var values = new List<KeyValuePair<string, string>>();
        var root = LoadRoot(path, displayName, problems);
        if (root is null) return values;
        if (root is not YamlMappingNode mapping)
        {
            problems.Add(new ConfigProblem(displayName, $"{displayName}: the top level must be a mapping of keys to values"));
            return values;
        }
        var start = prefix is null ? new List<string>() : [prefix];
        Flatten(mapping, start, start.Count, displayName, values, problems);
        return values;
    }

    internal static YamlNode? LoadRoot(string path, string displayName, List<ConfigProblem> problems)
    {
        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            problems.Add(new ConfigProblem(displayName, $"{displayName} line {e.Start.Line}: invalid YAML ({Reason(e)})"));
            return null;
        }
    }

    /// <param name="hidden">How many leading parts of <paramref name="path"/> the file does not show (the RISK prefix).</param>
    private static void Flatten(YamlMappingNode mapping, List<string> path, int hidden, string displayName,
        List<KeyValuePair<string, string>> values, List<ConfigProblem> problems)
    {
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            path.Add((keyNode as YamlScalarNode)?.Value ?? "");
            var name = SettingPath.ToSettingName(path);
            switch (valueNode)
            {
                case YamlMappingNode child:
                    Flatten(child, path, hidden, displayName, values, problems);
                    break;
                case YamlScalarNode scalar when SettingDefinitions.Find(name) is not null:
                    values.Add(new(name, scalar.Value ?? ""));
                    break;
                case not null when SettingDefinitions.Find(name) is not null:
                    problems.Add(new ConfigProblem(displayName,
                        $"{displayName} line {keyNode.Start.Line}: '{string.Join('.', path.Skip(hidden))}' must be a single value, not a list or mapping"));
                    break;
                default:
                    problems.Add(new ConfigProblem(displayName,
                        $"{displayName} line {keyNode.Start.Line}: '{string.Join('.', path.Skip(hidden))}' is not a known setting"));
                    break;
            }
            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>YamlDotNet's message in the file's terms: no .NET type names.</summary>
    internal static string Reason(YamlException e)
    {
        var message = e.Message.Split("): ", 2)[^1].Split('\n')[0].Trim();
        var unknown = System.Text.RegularExpressions.Regex.Match(message, "^Property '(?<key>[^']*)' not found on type");
        if (unknown.Success) return $"unknown key '{unknown.Groups["key"].Value}'";
        var shape = System.Text.RegularExpressions.Regex.Match(message, "^Expected '(?<expected>[A-Za-z]+)Start', got '(?<found>[A-Za-z]+)Start'");
        if (shape.Success) return $"expected {Shape(shape.Groups["expected"].Value)} here, found {Shape(shape.Groups["found"].Value)}";
        return message.Contains("Trading.", StringComparison.Ordinal) || message.Contains("System.", StringComparison.Ordinal)
            || message.Contains("Exception", StringComparison.Ordinal)
            ? "this value has the wrong shape (a single value, a list or a mapping where another is expected)"
            : message;
    }

    private static string Shape(string node) => node switch
    {
        "Sequence" => "a list",
        "Mapping" => "a mapping",
        _ => "a single value",
    };
}
