using System.Runtime.CompilerServices;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Storage.Sql;

namespace Trading.Storage.Sqlite;

/// <summary>Candles in SQLite: one transaction and one reused prepared statement per batch; streaming raw reads.</summary>
internal sealed class SqliteCandleStore(SqliteDatabase database) : ICandleStore
{
    private const int CancellationCheckInterval = 8192;

    public async Task<long> UpsertAsync(IEnumerable<Candle> candles, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(candles);
        await using var connection = await database.OpenSqliteAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        long written = 0;
        using (var writer = new SqliteCandleWriter(connection.Handle!))
        {
            foreach (var candle in candles)
            {
                if (++written % CancellationCheckInterval == 0) ct.ThrowIfCancellationRequested();
                candle.Validate();
                writer.Write(candle);
            }
            writer.Complete();
        }
        await transaction.CommitAsync(ct);
        return written;
    }

    public async IAsyncEnumerable<Candle> ReadAsync(Symbol symbol, Timeframe timeframe, long fromMs, long toMs,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await database.OpenSqliteAsync(ct);
        using var query = new SqliteCandleQuery(connection.Handle!,
            "WHERE symbol = ?1 AND timeframe = ?2 AND open_time >= ?3 AND open_time < ?4 ORDER BY open_time", symbol, timeframe, fromMs, toMs);
        var read = 0;
        while (query.TryRead(out var candle))
        {
            if (++read % CancellationCheckInterval == 0) ct.ThrowIfCancellationRequested();
            yield return candle;
        }
    }

    public async Task<Candle?> GetLatestAsync(Symbol symbol, Timeframe timeframe, CancellationToken ct = default)
    {
        await using var connection = await database.OpenSqliteAsync(ct);
        using var query = new SqliteCandleQuery(connection.Handle!,
            "WHERE symbol = ?1 AND timeframe = ?2 AND open_time >= ?3 AND open_time < ?4 ORDER BY open_time DESC LIMIT 1",
            symbol, timeframe, long.MinValue, long.MaxValue);
        return query.TryRead(out var candle) ? candle : null;
    }

    public async Task<IReadOnlyList<CandleSeriesSummary>> ListSeriesAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.Sql(CandleSeriesSql.ListSeries).ListAsync(CandleSeriesSql.Map, ct);
    }
}
