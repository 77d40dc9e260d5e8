using SQLitePCL;
using Trading.Core.Model;

namespace Trading.Storage.Sqlite;

/// <summary>
/// Validates and upserts candles inside the caller's transaction: runs of one series go through a prepared many-row
/// statement, the remainder through a one-row statement. Call <see cref="Complete"/> before committing.
/// </summary>
internal sealed class SqliteCandleWriter(sqlite3 db) : IDisposable
{
    private const int RowsPerStatement = 64;

    private CandleInsertStatement? many;
    private readonly CandleInsertStatement one = new(db, 1);
    private readonly Candle[] pending = new Candle[RowsPerStatement];
    private int count;
    private Symbol seriesSymbol;
    private Timeframe seriesTimeframe;
    private long seriesId = -1;

    public void Write(in Candle candle)
    {
        if (count > 0 && !SameSeries(pending[0], candle)) Complete();
        pending[count++] = candle;
        if (count < RowsPerStatement) return;
        var id = SeriesId(candle);
        // Prepared on first use: a live bar or a short page never needs the many-row statement.
        many ??= new CandleInsertStatement(db, RowsPerStatement);
        many.Lock();
        try
        {
            many.BindSeries(id);
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
            one.BindSeries(SeriesId(pending[i]));
            one.BindRow(0, pending[i]);
            one.Execute();
        }
        count = 0;
    }

    public void Dispose()
    {
        many?.Dispose();
        one.Dispose();
    }

    private long SeriesId(in Candle candle)
    {
        if (seriesId < 0 || !SameSeries(candle, seriesSymbol, seriesTimeframe))
        {
            candle.Validate();
            seriesId = SqliteCandleSeries.GetOrCreate(db, candle.Symbol, candle.Timeframe);
            (seriesSymbol, seriesTimeframe) = (candle.Symbol, candle.Timeframe);
        }
        return seriesId;
    }

    private static bool SameSeries(in Candle a, in Candle b) => SameSeries(a, b.Symbol, b.Timeframe);

    private static bool SameSeries(in Candle a, Symbol symbol, Timeframe timeframe) =>
        a.Timeframe == timeframe && string.Equals(a.Symbol.Name, symbol.Name, StringComparison.Ordinal);
}
