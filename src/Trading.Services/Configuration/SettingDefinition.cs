namespace Trading.Services.Configuration;

public enum MaskKind
{
    None,
    Secret,
    Connection,
}

/// <summary>One setting: its canonical name, other spellings accepted in files, and how to show its effective value.</summary>
public sealed record SettingDefinition(
    string Name,
    string Description,
    Func<TradingSettings, string?> Read,
    MaskKind Mask = MaskKind.None,
    params string[] Aliases)
{
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
