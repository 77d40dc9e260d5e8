using System.Collections.Concurrent;
using Npgsql;
using Trading.Core.Model;

namespace Trading.Storage.Postgres;

/// <summary>
/// Creates the (symbol, timeframe) partitions of one market's candle table on demand and remembers which exist. Spot keeps
/// the names it had before markets (candles_btcusdt_1m under spot_candles); other markets prefix theirs with the market
/// (usdm_candles_btcusdt_1m under usdm_candles), which no spot name can equal.
/// </summary>
internal sealed class CandlePartitions(NpgsqlDataSource dataSource, MarketType market)
{
    private readonly ConcurrentDictionary<(string Symbol, string Timeframe), string> known = new();

    /// <summary>The market's table, partitioned by symbol: spot_candles or usdm_candles.</summary>
    public string MarketTable { get; } = $"{MarketNames.Name(market)}_candles";

    private string Prefix => market == MarketType.Spot ? "candles" : MarketTable;

    /// <summary>The leaf table for a series, e.g. candles_btcusdt_1m. Symbols are [A-Z0-9] and timeframes fixed names, so it is a safe identifier.</summary>
    public string LeafName(Symbol symbol, Timeframe timeframe) => $"{Prefix}_{Lower(symbol.Name)}_{timeframe.Name}";

    public async Task<string> EnsureAsync(Symbol symbol, Timeframe timeframe, CancellationToken ct)
    {
        if (known.TryGetValue((symbol.Name, timeframe.Name), out var leaf)) return leaf;
        leaf = LeafName(symbol, timeframe);
        var parent = $"{Prefix}_{Lower(symbol.Name)}";
        await ExecuteIgnoringRaceAsync($"CREATE TABLE IF NOT EXISTS {parent} PARTITION OF {MarketTable} FOR VALUES IN ('{symbol.Name}') PARTITION BY LIST (timeframe)", ct);
        await ExecuteIgnoringRaceAsync($"CREATE TABLE IF NOT EXISTS {leaf} PARTITION OF {parent} FOR VALUES IN ('{timeframe.Name}')", ct);
        known[(symbol.Name, timeframe.Name)] = leaf;
        return leaf;
    }

    private async Task ExecuteIgnoringRaceAsync(string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation)
        {
            // Another writer created it between our IF NOT EXISTS check and the insert into the catalogue.
        }
    }

    private static string Lower(string name) => string.Create(name.Length, name, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++) span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
    });
}
