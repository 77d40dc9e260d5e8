using System.Runtime.CompilerServices;
using Npgsql;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Storage.Sql;
using Trading.Storage.Sqlite;

namespace Trading.Storage.Postgres;

/// <summary>
/// The candles of one market in PostgreSQL. A batch is validated and written in chunks inside one transaction; a corrupt
/// candle aborts the COPY and the transaction, so nothing of the batch is stored. A chunk of one series,
/// strictly ascending and not overlapping stored rows, is binary-COPYed straight into its leaf partition; any other
/// chunk goes through a temporary staging table and INSERT ... ON CONFLICT DO UPDATE, so a key is never duplicated.
/// </summary>
internal sealed class PostgresCandleStore(PostgresDatabase database, MarketType market = MarketType.Spot) : ICandleStore
{
    private const int ChunkSize = 100_000;
    private const string Select = "SELECT open_time, close_time, open, high, low, close, volume, quote_volume, trade_count FROM candles";

    private readonly CandlePartitions partitions = new(database.DataSource, market);
    private readonly string marketName = MarketNames.Name(market);

    public async Task<long> UpsertAsync(IEnumerable<Candle> candles, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(candles);
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var chunk = new List<Candle>(ChunkSize);
        long written = 0;
        foreach (var candle in candles)
        {
            chunk.Add(candle); // validated while it is encoded for COPY, so the server works on the previous rows meanwhile
            if (chunk.Count == ChunkSize) written += await WriteChunkAsync(connection, chunk, ct);
        }
        if (chunk.Count > 0) written += await WriteChunkAsync(connection, chunk, ct);
        await transaction.CommitAsync(ct);
        return written;
    }

    public async IAsyncEnumerable<Candle> ReadAsync(Symbol symbol, Timeframe timeframe, long fromMs, long toMs,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var command = database.DataSource.CreateCommand(
            $"{Select} WHERE market = @market AND symbol = @symbol AND timeframe = @timeframe AND open_time >= @from AND open_time < @to ORDER BY open_time");
        command.Parameters.AddWithValue("market", marketName);
        command.Parameters.AddWithValue("symbol", symbol.Name);
        command.Parameters.AddWithValue("timeframe", timeframe.Name);
        command.Parameters.AddWithValue("from", fromMs);
        command.Parameters.AddWithValue("to", toMs);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            yield return Map(reader, symbol, timeframe);
    }

    public async Task<long> CountAsync(Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct = default)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT count(*) FROM candles WHERE market = @market AND symbol = @symbol AND timeframe = @timeframe AND open_time >= @from AND open_time < @to");
        command.Parameters.AddWithValue("market", marketName);
        command.Parameters.AddWithValue("symbol", symbol.Name);
        command.Parameters.AddWithValue("timeframe", timeframe.Name);
        command.Parameters.AddWithValue("from", fromMs);
        command.Parameters.AddWithValue("to", toMs);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<Candle?> GetLatestAsync(Symbol symbol, Timeframe timeframe, CancellationToken ct = default)
    {
        await using var command = database.DataSource.CreateCommand(
            $"{Select} WHERE market = @market AND symbol = @symbol AND timeframe = @timeframe ORDER BY open_time DESC LIMIT 1");
        command.Parameters.AddWithValue("market", marketName);
        command.Parameters.AddWithValue("symbol", symbol.Name);
        command.Parameters.AddWithValue("timeframe", timeframe.Name);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Map(reader, symbol, timeframe) : null;
    }

    public async Task<IReadOnlyList<CandleSeriesSummary>> ListSeriesAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql(CandleSeriesSql.ListSeries).With("market", marketName).ListAsync(CandleSeriesSql.Map, ct);
    }

    private async Task<long> WriteChunkAsync(NpgsqlConnection connection, List<Candle> chunk, CancellationToken ct)
    {
        var count = chunk.Count;
        ScaledCandle.Validate(chunk[0]); // its series names the partition; the COPY checks every row
        if (IsAscendingSingleSeries(chunk))
        {
            var leaf = await partitions.EnsureAsync(chunk[0].Symbol, chunk[0].Timeframe, ct);
            if (!await OverlapsStoredAsync(connection, leaf, chunk[0].OpenTimeMs, chunk[^1].OpenTimeMs, ct)
                && await TryCopyDirectAsync(connection, leaf, chunk, ct))
            {
                chunk.Clear();
                return count;
            }
        }
        await UpsertThroughStagingAsync(connection, chunk, ct);
        chunk.Clear();
        return count;
    }

    private static bool IsAscendingSingleSeries(List<Candle> chunk)
    {
        var first = chunk[0];
        for (var i = 1; i < chunk.Count; i++)
        {
            var c = chunk[i];
            if (c.OpenTimeMs <= chunk[i - 1].OpenTimeMs || c.Timeframe != first.Timeframe || c.Symbol.Name != first.Symbol.Name) return false;
        }
        return true;
    }

    private static async Task<bool> OverlapsStoredAsync(NpgsqlConnection connection, string leaf, long fromMs, long toMs, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {leaf} WHERE open_time BETWEEN @from AND @to)", connection);
        command.Parameters.AddWithValue("from", fromMs);
        command.Parameters.AddWithValue("to", toMs);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>COPY into the leaf under a savepoint; a concurrent writer's row makes it fall back to the upsert path.</summary>
    private async Task<bool> TryCopyDirectAsync(NpgsqlConnection connection, string leaf, List<Candle> chunk, CancellationToken ct)
    {
        await connection.Sql("SAVEPOINT candle_copy").RunAsync(ct);
        try
        {
            await CandleCopy.WriteAsync(connection, leaf, market, chunk, withSequence: false, ct);
            await connection.Sql("RELEASE SAVEPOINT candle_copy").RunAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await connection.Sql("ROLLBACK TO SAVEPOINT candle_copy").RunAsync(ct);
            return false;
        }
    }

    private async Task UpsertThroughStagingAsync(NpgsqlConnection connection, List<Candle> chunk, CancellationToken ct)
    {
        foreach (var candle in chunk) ScaledCandle.Validate(candle);
        foreach (var series in chunk.Select(c => (c.Symbol, c.Timeframe)).Distinct())
            await partitions.EnsureAsync(series.Symbol, series.Timeframe, ct);
        await connection.Sql("CREATE TEMP TABLE IF NOT EXISTS candles_staging (seq bigint NOT NULL, LIKE candles) ON COMMIT DROP").RunAsync(ct);
        await CandleCopy.WriteAsync(connection, "candles_staging", market, chunk, withSequence: true, ct);
        await connection.Sql($"""
            INSERT INTO {partitions.MarketTable} ({CandleCopy.Columns})
            SELECT DISTINCT ON (symbol, timeframe, open_time) {CandleCopy.Columns} FROM candles_staging
            ORDER BY symbol, timeframe, open_time, seq DESC
            ON CONFLICT (symbol, timeframe, open_time) DO UPDATE SET close_time = excluded.close_time, open = excluded.open,
                high = excluded.high, low = excluded.low, close = excluded.close, volume = excluded.volume,
                quote_volume = excluded.quote_volume, trade_count = excluded.trade_count;
            TRUNCATE candles_staging
            """).RunAsync(ct);
    }

    private static Candle Map(NpgsqlDataReader r, Symbol symbol, Timeframe timeframe) =>
        new(symbol, timeframe, r.GetInt64(0), r.GetDecimal(2), r.GetDecimal(3), r.GetDecimal(4), r.GetDecimal(5), r.GetDecimal(6))
        {
            CloseTimeMs = r.GetInt64(1),
            QuoteVolume = r.IsDBNull(7) ? null : r.GetDecimal(7),
            TradeCount = r.IsDBNull(8) ? null : r.GetInt64(8),
        };
}
