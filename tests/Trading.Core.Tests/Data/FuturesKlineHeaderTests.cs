using System.Text;
using Shouldly;
using Trading.Core.Data;
using Trading.Core.Model;

namespace Trading.Core.Tests.Data;

/// <summary>data.binance.vision futures/um klines open with a header naming Binance's own columns; spot files have none.</summary>
public sealed class FuturesKlineHeaderTests
{
    private const string Header = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore";

    private const string Rows =
        "1704067200000,42314.00,42353.30,42289.60,42353.20,278.586,1704067259999,11789255.31010,2860,190.812,8074954.97700,0\n" +
        "1704067260000,42353.20,42413.10,42353.20,42396.70,398.247,1704067319999,16879530.28260,3579,271.564,11510209.82610,0\n";

    [Fact]
    public void FromHeader_FuturesHeader_IsBinancesOwnColumnOrder()
    {
        var columns = KlineColumns.FromHeader(Encoding.UTF8.GetBytes(Header));

        columns.ShouldBeSameAs(KlineColumns.Binance);
    }

    [Fact]
    public void Parse_FuturesFileWithHeader_GivesTheCandlesOfTheSameRowsWithoutIt()
    {
        var withHeader = Parse(Header + "\n" + Rows);
        var without = Parse(Rows);

        withHeader.ShouldBe(without);
        withHeader[1].ShouldBe(new Candle(new Symbol("BTCUSDT"), Timeframe.M1, 1704067260000, 42353.2m, 42413.1m, 42353.2m, 42396.7m, 398.247m)
        {
            CloseTimeMs = 1704067319999, QuoteVolume = 16879530.2826m, TradeCount = 3579,
        });
    }

    private static List<Candle> Parse(string text)
    {
        var parser = new KlineCsvParser("BTCUSDT-1m-2024-01-01.csv", new Symbol("BTCUSDT"), Timeframe.M1, long.MaxValue);
        var candles = new List<Candle>();
        parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(text)), candles);
        parser.Problems.ShouldBeEmpty();
        return candles;
    }
}
