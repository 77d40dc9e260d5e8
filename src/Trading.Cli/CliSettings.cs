using System.CommandLine;
using Trading.Cli.Commands;
using Trading.Services.Configuration;

namespace Trading.Cli;

/// <summary>
/// How every command gets its settings: load all sources with the global options as the CLI layer, and on
/// any problem print one <c>error: ...</c> line per problem on stderr and exit 2.
/// </summary>
public static class CliSettings
{
    public const int ConfigErrorExitCode = TradingCli.UsageError;

    /// <summary>Loads the configuration; <paramref name="overrides"/> are command-specific options keyed by setting name.</summary>
    public static LoadedConfiguration Load(ParseResult parse, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var commandLine = new Dictionary<string, string?>(StringComparer.Ordinal);
        var dataDir = parse.GetValue(GlobalOptions.DataDir);
        if (!string.IsNullOrWhiteSpace(dataDir)) commandLine[SettingKeys.DataDir] = dataDir;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            if (value is not null) commandLine[key] = value;
        return ConfigurationLoader.Load(new ConfigurationLoadOptions { CommandLine = commandLine, Environment = ProcessEnvironment.Snapshot });
    }

    /// <summary>Loads valid settings, or prints the problems and gives the exit code to return.</summary>
    public static bool TryLoad(ParseResult parse, out TradingSettings settings, out int exitCode,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var loaded = Load(parse, overrides);
        settings = loaded.Settings;
        exitCode = loaded.IsValid ? 0 : ReportProblems(loaded.Problems);
        return loaded.IsValid;
    }

    /// <summary>Prints one line per problem on stderr and returns the configuration-error exit code.</summary>
    public static int ReportProblems(IEnumerable<ConfigProblem> problems)
    {
        foreach (var problem in problems) Console.Error.WriteLine($"error: {problem.Message}");
        return ConfigErrorExitCode;
    }
}
