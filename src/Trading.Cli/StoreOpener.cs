using System.CommandLine;
using Trading.Cli.Commands;
using Trading.Storage;

namespace Trading.Cli;

/// <summary>
/// Finds the store from the settings: DATABASE_URL selects PostgreSQL; otherwise SQLite in --data-dir, TRADING_DATA_DIR
/// or ./data. Reads the environment directly until the configuration loader is wired in here.
/// </summary>
public static class StoreOpener
{
    public const string DefaultDataDir = "./data";

    public static StoreLocation Resolve(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var url = Environment.GetEnvironmentVariable("DATABASE_URL");
        var dataDir = parse.GetValue(GlobalOptions.DataDir)
            ?? NullIfBlank(Environment.GetEnvironmentVariable("TRADING_DATA_DIR"))
            ?? DefaultDataDir;
        return new StoreLocation(NullIfBlank(url), dataDir);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
