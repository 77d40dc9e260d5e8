using SQLitePCL;
using Trading.Core.Model;

namespace Trading.Storage.Sqlite;

/// <summary>
/// Upserts candles inside the caller's transaction: runs of one series go through a prepared many-row statement,
/// the remainder through a one-row statement. Call <see cref="Complete"/> before committing.
/// </summary>
internal sealed class SqliteCandleWriter(sqlite3 db) : IDisposable
{
    private const int RowsPerStatement = 64;

    private readonly CandleInsertStatement many = new(db, RowsPerStatement);
    private readonly CandleInsertStatement one = new(db, 1);
    private readonly Candle[] pending = new Candle[RowsPerStatement];
    private int count;

    public void Write(in Candle candle)
    {
        if (count > 0 && !SameSeries(pending[0], candle)) Complete();
        pending[count++] = candle;
        if (count < RowsPerStatement) return;
        many.Lock();
        try
        {
            many.BindSeries(candle.Symbol, candle.Timeframe);
            for (var row = 0; row < RowsPerStatement; row++) many.BindRow(row, pending[row]);
            many.Execute();
        }
        finally
        {
            many.Unlock();
        }
        count = 0;
    }

    /// <summary>Writes the candles still buffered.</summary>
    public void Complete()
    {
        for (var i = 0; i < count; i++)
        {
            one.BindSeries(pending[i].Symbol, pending[i].Timeframe);
            one.BindRow(0, pending[i]);
            one.Execute();
        }
        count = 0;
    }

    public void Dispose()
    {
        many.Dispose();
        one.Dispose();
    }

    private static bool SameSeries(in Candle a, in Candle b) =>
        a.Timeframe == b.Timeframe && string.Equals(a.Symbol.Name, b.Symbol.Name, StringComparison.Ordinal);
}
