using Trading.Services.Configuration;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Configuration;

/// <summary>Loads configuration from a temp working directory with an explicit environment, never the developer's.</summary>
internal static class ConfigTestKit
{
    public static LoadedConfiguration Load(TempDirectory dir, Dictionary<string, string?>? env = null, Dictionary<string, string?>? cli = null) =>
        ConfigurationLoader.Load(new ConfigurationLoadOptions
        {
            WorkingDirectory = dir.Path,
            Environment = env ?? [],
            CommandLine = cli ?? [],
        });

    public static LoadedConfiguration LoadEnv(params (string Key, string Value)[] env)
    {
        using var dir = new TempDirectory();
        return Load(dir, env.ToDictionary(e => e.Key, e => (string?)e.Value));
    }

    public static IEnumerable<string> Messages(this LoadedConfiguration loaded) => loaded.Problems.Select(p => p.Message);
}
