namespace Trading.Services.Configuration;

/// <summary>The effective settings, where each value came from, and every problem found.</summary>
public sealed record LoadedConfiguration(
    TradingSettings Settings,
    IReadOnlyDictionary<string, SettingSource> Sources,
    IReadOnlyList<ConfigProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    public SettingSource SourceOf(string key) => Sources.TryGetValue(key, out var source) ? source : SettingSource.Default;
}
