using Trading.Core.Model;

namespace Trading.Storage.Sqlite;

/// <summary>
/// A time-ordered range read of one series. Written by hand rather than as an async iterator: every step completes
/// synchronously, so <see cref="IAsyncEnumerator{T}.MoveNextAsync"/> is a plain call that decodes the next row
/// straight into <see cref="IAsyncEnumerator{T}.Current"/>, with no state machine and one copy less per candle.
/// The connection opens on the first move and closes at the end or on dispose.
/// </summary>
internal sealed class SqliteCandleRange(string filePath, MarketType market, Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct)
    : IAsyncEnumerable<Candle>
{
    private const int CancellationCheckInterval = 8192;

    private readonly Query query = new(filePath, market, symbol, timeframe, fromMs, toMs, ct);

    public IAsyncEnumerator<Candle> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(query, cancellationToken);

    private sealed record Query(string FilePath, MarketType Market, Symbol Symbol, Timeframe Timeframe, long FromMs, long ToMs, CancellationToken Ct);

    private sealed class Enumerator(Query range, CancellationToken enumeratorCt) : IAsyncEnumerator<Candle>
    {
        private SqliteRawConnection? connection;
        private SqliteCandleQuery? reader;
        private Candle current;
        private int read;
        private bool finished;

        public Candle Current => current;

        public ValueTask<bool> MoveNextAsync() => new(MoveNext());

        public ValueTask DisposeAsync()
        {
            Close();
            return default;
        }

        private bool MoveNext()
        {
            if (finished) return false;
            if (++read % CancellationCheckInterval == 1)
            {
                range.Ct.ThrowIfCancellationRequested();
                enumeratorCt.ThrowIfCancellationRequested();
            }
            reader ??= Open();
            if (reader is not null && reader.TryRead(out current)) return true;
            Close();
            return false;
        }

        private SqliteCandleQuery? Open()
        {
            connection = SqliteRawConnection.Open(range.FilePath);
            if (SqliteCandleSeries.Find(connection.Handle, range.Market, range.Symbol, range.Timeframe) is not { } seriesId) return null;
            return new SqliteCandleQuery(connection.Handle, "WHERE series_id = ?1 AND open_time >= ?2 AND open_time < ?3 ORDER BY open_time",
                range.Symbol, range.Timeframe, seriesId, range.FromMs, range.ToMs);
        }

        private void Close()
        {
            finished = true;
            current = default;
            reader?.Dispose();
            reader = null;
            connection?.Dispose();
            connection = null;
        }
    }
}
