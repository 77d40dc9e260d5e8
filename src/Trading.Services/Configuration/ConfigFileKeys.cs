namespace Trading.Services.Configuration;

/// <summary>Source keys for the list-shaped settings that only come from files.</summary>
public static class ConfigFileKeys
{
    public const string Symbols = "symbols";
    public const string Strategies = "strategies";
    public const string Bots = "bots";
}
