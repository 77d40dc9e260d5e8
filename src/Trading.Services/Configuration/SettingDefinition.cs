namespace Trading.Services.Configuration;

public enum MaskKind
{
    None,
    Secret,
    Connection,
}

/// <summary>
/// One setting: its canonical name, other spellings accepted in files, and how to show its effective value.
/// <see cref="EnvironmentAliases"/> are documented older names (the seed's) that are accepted as environment variables too.
/// </summary>
public sealed record SettingDefinition(
    string Name,
    string Description,
    Func<TradingSettings, string?> Read,
    MaskKind Mask = MaskKind.None,
    params string[] Aliases)
{
    public IReadOnlyList<string> EnvironmentAliases { get; init; } = [];

    /// <summary>True for the canonical name or an environment alias, compared exactly as variables are.</summary>
    public bool MatchesEnvironmentName(string key) => key == Name || EnvironmentAliases.Contains(key);

    /// <summary>The effective value as it may be printed: secrets masked.</summary>
    public string Display(TradingSettings settings)
    {
        var value = Read(settings);
        return Mask switch
        {
            MaskKind.Secret => SecretMasker.MaskSecret(value),
            MaskKind.Connection => SecretMasker.MaskConnection(value),
            _ => value ?? "",
        };
    }
}
