using System.Collections;
using Trading.Services.Configuration;

namespace Trading.Cli;

/// <summary>
/// The environment as the process started with it. Settings are read from this snapshot, and the secrets are removed from the
/// live environment first thing, so code loaded later (a strategy plugin) does not find them with
/// <see cref="Environment.GetEnvironmentVariable(string)"/>. Plugins are still trusted code: see the README.
/// </summary>
public static class ProcessEnvironment
{
    private static readonly Lazy<IReadOnlyDictionary<string, string?>> Captured = new(Capture);

    public static IReadOnlyDictionary<string, string?> Snapshot => Captured.Value;

    public static void HideSecrets()
    {
        _ = Captured.Value;
        foreach (var key in SecretSources.SecretKeys) Environment.SetEnvironmentVariable(key, null);
    }

    private static Dictionary<string, string?> Capture()
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables()) values[(string)entry.Key] = entry.Value as string;
        return values;
    }
}
