using System.Data.Common;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Storage.Sql;

internal static class CandleSeriesSql
{
    public const string ListSeries = """
        SELECT symbol, timeframe, count(*), min(open_time), max(open_time) FROM candles
        GROUP BY symbol, timeframe ORDER BY symbol, timeframe
        """;

    public static CandleSeriesSummary Map(DbDataReader r) =>
        new(new Symbol(r.GetString(0)), Timeframe.Parse(r.GetString(1)), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4));
}
