namespace Trading.Services.Configuration;

/// <summary>Inputs of <see cref="ConfigurationLoader"/>; tests pass their own environment and working directory.</summary>
public sealed record ConfigurationLoadOptions
{
    /// <summary>Where appsettings.json, .env and the relative config directory are looked up.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Environment variables; null reads the process environment.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Values from command-line options, keyed by setting name (e.g. TRADING_DATA_DIR for --data-dir).</summary>
    public IReadOnlyDictionary<string, string?> CommandLine { get; init; } = new Dictionary<string, string?>();
}
