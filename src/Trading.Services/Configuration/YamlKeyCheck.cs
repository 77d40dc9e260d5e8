using YamlDotNet.RepresentationModel;

namespace Trading.Services.Configuration;

/// <summary>
/// Reports every unknown key of a list file (symbols.yaml, strategies.yaml) with its line, so one typo does not hide
/// the next; the typed reader then ignores them. A file that is not valid YAML is left to the typed reader to report.
/// </summary>
internal static class YamlKeyCheck
{
    public static void Check(string path, string displayName, string listKey, IReadOnlyCollection<string> entryKeys, List<ConfigProblem> problems)
    {
        if (YamlSettingsFile.LoadRoot(path, displayName, []) is not YamlMappingNode root) return;
        foreach (var (key, value) in root.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (name != listKey)
            {
                Unknown(displayName, key, name, $"expected only '{listKey}'", problems);
                continue;
            }
            if (value is not YamlSequenceNode entries) continue;
            foreach (var entry in entries.Children.OfType<YamlMappingNode>())
            {
                foreach (var entryKey in entry.Children.Keys)
                {
                    var entryName = (entryKey as YamlScalarNode)?.Value ?? "";
                    if (!entryKeys.Contains(entryName)) Unknown(displayName, entryKey, entryName, $"known: {string.Join(", ", entryKeys)}", problems);
                }
            }
        }
    }

    private static void Unknown(string displayName, YamlNode node, string name, string hint, List<ConfigProblem> problems) =>
        problems.Add(new ConfigProblem(displayName, $"{displayName} line {node.Start.Line}: unknown key '{name}' ({hint})"));
}
