using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Storage.Sql;

namespace Trading.Storage.Sqlite;

/// <summary>The candles of one market in SQLite: one transaction and one reused prepared statement per batch; streaming raw reads.</summary>
internal sealed class SqliteCandleStore(SqliteDatabase database, MarketType market = MarketType.Spot) : ICandleStore
{
    private const int CancellationCheckInterval = 8192;

    /// <summary>Up to this many candles (a live bar, a REST page) are written inline on a pooled connection.</summary>
    private const int SmallBatch = 1000;

    /// <summary>A bulk batch checkpoints inline, as SQLite does by default, once the WAL has grown past this.</summary>
    private const long MaxDeferredWalBytes = 512L << 20;

    public Task<long> UpsertAsync(IEnumerable<Candle> candles, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(candles);
        return candles is IReadOnlyCollection<Candle> { Count: <= SmallBatch } small
            ? UpsertSmallAsync(small, ct)
            : Task.Run(() => UpsertBulk(candles, ct), ct);
    }

    private async Task<long> UpsertSmallAsync(IReadOnlyCollection<Candle> candles, CancellationToken ct)
    {
        await using var connection = await database.OpenSqliteWriterAsync(ct);
        return Upsert(new SqliteRawConnection(connection.Handle!, owned: false), candles, SqliteCandleWriter.SmallRowsPerStatement, ct);
    }

    private long UpsertBulk(IEnumerable<Candle> candles, CancellationToken ct)
    {
        database.EnterWrite(ct);
        try
        {
            using var connection = SqliteRawConnection.Open(database.FilePath);
            if (DeferCheckpoint()) connection.Execute("PRAGMA wal_autocheckpoint = 0");
            return Upsert(connection, candles, SqliteCandleWriter.BulkRowsPerStatement, ct);
        }
        finally
        {
            database.ExitWrite();
        }
    }

    private long Upsert(SqliteRawConnection connection, IEnumerable<Candle> candles, int rowsPerStatement, CancellationToken ct)
    {
        connection.Execute("BEGIN IMMEDIATE");
        try
        {
            long written = 0;
            using (var writer = new SqliteCandleWriter(connection.Handle, market, rowsPerStatement))
            {
                if (candles is ICandleBlocks blocks)
                {
                    while (blocks.TryReadBlock(out var block))
                    {
                        ct.ThrowIfCancellationRequested();
                        writer.Write(block);
                        written += block.Length;
                    }
                }
                else
                {
                    foreach (var candle in candles)
                    {
                        if (++written % CancellationCheckInterval == 0) ct.ThrowIfCancellationRequested();
                        writer.Write(candle);
                    }
                }
                writer.Complete();
            }
            connection.Execute("COMMIT");
            return written;
        }
        catch
        {
            connection.RollBack();
            throw;
        }
    }

    /// <summary>
    /// True when a bulk commit may skip SQLite's automatic checkpoint, like the pooled connections do: the pages stay in
    /// the WAL (committed and readable) until the background checkpointer, which <see cref="SqliteDatabase.ExitWrite"/>
    /// wakes, or the last connection's close copies them into the file. An import's writer thread then never waits for
    /// a checkpoint and its two fsyncs between batches.
    /// </summary>
    private bool DeferCheckpoint()
    {
        var wal = new FileInfo(database.FilePath + "-wal");
        return !wal.Exists || wal.Length < MaxDeferredWalBytes;
    }

    public IAsyncEnumerable<Candle> ReadAsync(Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct = default) =>
        new SqliteCandleRange(database.FilePath, market, symbol, timeframe, fromMs, toMs, ct);

    public Task<long> CountAsync(Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct = default) => Task.Run(() =>
    {
        using var connection = SqliteRawConnection.Open(database.FilePath);
        if (SqliteCandleSeries.Find(connection.Handle, market, symbol, timeframe) is not { } seriesId) return 0L;
        return connection.QueryInt64(
            "SELECT count(*) FROM candles WHERE series_id = ?1 AND open_time >= ?2 AND open_time < ?3", seriesId, fromMs, toMs);
    }, ct);

    public async Task<Candle?> GetLatestAsync(Symbol symbol, Timeframe timeframe, CancellationToken ct = default)
    {
        await using var connection = await database.OpenSqliteAsync(ct);
        if (SqliteCandleSeries.Find(connection.Handle!, market, symbol, timeframe) is not { } seriesId) return null;
        using var query = new SqliteCandleQuery(connection.Handle!,
            "WHERE series_id = ?1 AND open_time >= ?2 AND open_time < ?3 ORDER BY open_time DESC LIMIT 1",
            symbol, timeframe, seriesId, long.MinValue, long.MaxValue);
        return query.TryRead(out var candle) ? candle : null;
    }

    public async Task<IReadOnlyList<CandleSeriesSummary>> ListSeriesAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql(SqliteCandleSchema.ListSeries).With("market", MarketNames.Name(market)).ListAsync(CandleSeriesSql.Map, ct);
    }
}
