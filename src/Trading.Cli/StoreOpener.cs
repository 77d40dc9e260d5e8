using System.CommandLine;
using Trading.Storage;

namespace Trading.Cli;

/// <summary>
/// Finds the store from the effective settings (every configuration source, see <see cref="CliSettings"/>):
/// DATABASE_URL selects PostgreSQL; otherwise SQLite in --data-dir, TRADING_DATA_DIR or ./data.
/// </summary>
public static class StoreOpener
{
    public const string DefaultDataDir = "./data";

    /// <summary>True when the store is an embedded SQLite file that does not exist yet: a look-up has nothing to find and must not create it.</summary>
    public static bool IsMissing(Trading.Services.Configuration.TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.IsNullOrWhiteSpace(settings.DatabaseUrl) && !File.Exists(settings.SqlitePath);
    }

    /// <summary>True when the location is an embedded SQLite file that does not exist yet.</summary>
    public static bool IsMissing(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return !location.IsPostgres && !File.Exists(Path.Combine(location.DataDir, TradingStoreFactory.SqliteFileName));
    }

    public static StoreLocation Resolve(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var settings = CliSettings.Load(parse).Settings;
        return new StoreLocation(settings.DatabaseUrl, settings.DataDir);
    }
}
