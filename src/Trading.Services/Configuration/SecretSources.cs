namespace Trading.Services.Configuration;

/// <summary>
/// Where secrets may come from: .env, the environment or the command line, never a config file (files get shared, copied
/// and committed). A secret with a control character (a pasted tab or newline) is refused instead of failing every signature.
/// </summary>
public static class SecretSources
{
    public static IReadOnlyList<string> SecretKeys { get; } = SettingDefinitions.All.Where(d => d.Mask == MaskKind.Secret).Select(d => d.Name).ToArray();

    /// <summary>The file's values without its secrets; each secret found is one problem (naming the key, never the value).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> WithoutSecrets(IReadOnlyList<KeyValuePair<string, string>> values, string displayName,
        List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(problems);
        var kept = new List<KeyValuePair<string, string>>(values.Count);
        foreach (var pair in values)
        {
            var name = SettingDefinitions.Find(pair.Key)?.Name ?? pair.Key;
            if (SecretKeys.Contains(name, StringComparer.Ordinal))
                problems.Add(new ConfigProblem(name, $"{displayName}: {name} is a secret and is never read from a config file; put it in .env or the environment"));
            else
                kept.Add(pair);
        }
        return kept;
    }

    /// <summary>One problem per secret that holds a control character.</summary>
    public static void CheckValues(TradingSettings settings, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var (name, value) in SettingDefinitions.All.Where(d => d.Mask == MaskKind.Secret).Select(d => (d.Name, d.Read(settings))))
            if (value is not null && value.Any(char.IsControl))
                problems.Add(new ConfigProblem(name, $"{name} contains a control character (a tab or a line break?); set it again without one"));
    }
}
