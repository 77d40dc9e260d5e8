namespace Trading.Services.Configuration;

/// <summary>Where an effective setting came from, lowest precedence first.</summary>
public enum SettingSource
{
    Default,
    AppSettings,
    Yaml,
    BotFiles,
    DotEnv,
    Environment,
    Cli,
}

public static class SettingSourceNames
{
    public static string Display(this SettingSource source) => source switch
    {
        SettingSource.Default => "default",
        SettingSource.AppSettings => "appsettings",
        SettingSource.Yaml => "yaml",
        SettingSource.BotFiles => "bots/*.json",
        SettingSource.DotEnv => ".env",
        SettingSource.Environment => "env",
        SettingSource.Cli => "cli",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
