using System.Data.Common;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Storage.Sql;

internal static class CandleSeriesSql
{
    /// <summary>The series of one market (@market).</summary>
    public const string ListSeries = """
        SELECT symbol, timeframe, count(*), min(open_time), max(open_time), market FROM candles WHERE market = @market
        GROUP BY market, symbol, timeframe ORDER BY symbol, timeframe
        """;

    public static CandleSeriesSummary Map(DbDataReader r) =>
        new(new Symbol(r.GetString(0)), Timeframe.Parse(r.GetString(1)), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), ParseMarket(r.GetString(5)));

    private static MarketType ParseMarket(string name) =>
        MarketNames.TryParse(name, out var market) ? market : throw new InvalidDataException($"unknown market '{name}' in the candle store");
}
