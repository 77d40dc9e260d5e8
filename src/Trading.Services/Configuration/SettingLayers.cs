namespace Trading.Services.Configuration;

/// <summary>Raw setting values by canonical name; a later <see cref="Apply"/> wins. Names that are not settings are ignored.</summary>
internal sealed class SettingLayers
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SettingSource> _sources = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Values => _values;

    public IReadOnlyDictionary<string, SettingSource> Sources => _sources;

    public void Apply(IEnumerable<KeyValuePair<string, string>> values, SettingSource source)
    {
        // Aliases first, so a canonical name given in the same source wins over an older spelling.
        foreach (var (key, value) in values.OrderBy(v => SettingDefinitions.Find(v.Key)?.Name == v.Key ? 1 : 0))
        {
            // Environment variables must match exactly (as the spec writes them, or a documented alias); files may use other spellings.
            var definition = source is SettingSource.Environment
                ? SettingDefinitions.All.FirstOrDefault(d => d.MatchesEnvironmentName(key))
                : SettingDefinitions.Find(key);
            if (definition is null) continue;
            _values[definition.Name] = value;
            _sources[definition.Name] = source;
        }
    }

    public void MarkFileSource(string key, SettingSource source) => _sources[key] = source;

    public string? Value(string key) => _values.GetValueOrDefault(key);

    public SettingLayers Copy()
    {
        var copy = new SettingLayers();
        foreach (var (key, value) in _values) copy._values[key] = value;
        foreach (var (key, source) in _sources) copy._sources[key] = source;
        return copy;
    }
}
