using System.Text;
using Shouldly;
using Trading.Core.Data;
using Trading.Core.Model;

namespace Trading.Core.Tests.Data;

public class KlineCsvParserTests
{
    private static readonly Symbol Btc = new("BTCUSDT");

    private static (List<Candle> Candles, KlineCsvParser Parser) Parse(string text, Timeframe? timeframe = null, long latest = long.MaxValue)
    {
        var parser = new KlineCsvParser("test.csv", Btc, timeframe ?? Timeframe.M1, latest);
        var candles = new List<Candle>();
        parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(text)), candles);
        return (candles, parser);
    }

    [Fact]
    public void Parse_BinanceRowsInMilliseconds_ReadsEveryField()
    {
        var (candles, parser) = Parse(
            "1640995200000,46216.93000000,46271.08000000,46208.37000000,46250.00000000,40.57574000,1640995259999,1875978.44269790,796,27.26,1260270.37,0\n" +
            "1640995260000,46250.00,46300.00,46240.00,46290.00,10.5,1640995319999,486000.1,120,5,2,0\n");
        parser.Problems.ShouldBeEmpty();
        candles.Count.ShouldBe(2);
        candles[0].ShouldBe(new Candle(Btc, Timeframe.M1, 1640995200000, 46216.93m, 46271.08m, 46208.37m, 46250m, 40.57574m)
        {
            CloseTimeMs = 1640995259999, QuoteVolume = 1875978.4426979m, TradeCount = 796,
        });
    }

    [Fact]
    public void Parse_BinanceRowsInMicroseconds_ConvertsToMilliseconds()
    {
        var (candles, parser) = Parse("1735689600000000,93576.00,93610.93,93537.50,93610.93,8.21827,1735689659999999,768883.24,1317,2.2,205587.9,0\r\n");
        parser.Problems.ShouldBeEmpty();
        candles.Single().OpenTimeMs.ShouldBe(1735689600000);
        candles.Single().CloseTimeMs.ShouldBe(1735689659999);
    }

    [Fact]
    public void Parse_HeaderCsvWithIsoTimes_ReadsByColumnName()
    {
        var (candles, parser) = Parse(
            "timestamp,open,high,low,close,volume\n2021-04-03T00:00:00,58950.01,59450.08,58931.3,59387.13,1706.898053\n2021-04-03T01:00:00,59387.13,59391.76,59003.0,59254.98,1295.37\n",
            Timeframe.H1);
        parser.Problems.ShouldBeEmpty();
        candles.Select(c => c.OpenTime).ShouldBe([new DateTimeOffset(2021, 4, 3, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2021, 4, 3, 1, 0, 0, TimeSpan.Zero)]);
        candles[0].CloseTimeMs.ShouldBe(candles[0].OpenTimeMs + 3_599_999);
        candles[1].Volume.ShouldBe(1295.37m);
    }

    [Fact]
    public void Parse_KaggleExportWithDateStrings_ReadsCloseTimeAndTrades()
    {
        var (candles, parser) = Parse(
            "Open time,Open,High,Low,Close,Volume,Close time,Quote asset volume,Number of trades,Taker buy base asset volume,Taker buy quote asset volume,Ignore\n" +
            "2018-01-01 00:00:00.000000 UTC,13715.65,13818.55,12750.0,13380.0,8609.915844,2018-01-01 23:59:59.999000 UTC,114799747.44197056,105595,3961.938946,52809747.44038045,0\n",
            Timeframe.D1);
        parser.Problems.ShouldBeEmpty();
        var candle = candles.Single();
        candle.OpenTime.ShouldBe(new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero));
        candle.CloseTimeMs.ShouldBe(candle.OpenTimeMs + 86_399_999);
        candle.TradeCount.ShouldBe(105595);
    }

    [Theory]
    [InlineData("1640995260000,46250.00,46200.00,46240.00,46290.00,10.5,1640995319999,1,1,0,0,0", "high 46200.00 is below low 46240.00")]
    [InlineData("1640995260000,abc,46300.00,46240.00,46290.00,10.5,1640995319999,1,1,0,0,0", "unreadable value in column 2")]
    [InlineData("1640995260000,46250.00,46300.00", "expected at least 6 fields")]
    [InlineData("1640995200000,46250.00,46300.00,46240.00,46290.00,10.5,1640995259999,1,1,0,0,0", "duplicate open time 2022-01-01 00:00 (already on line 1)")]
    [InlineData("1640995260000,-1,46300.00,46240.00,46290.00,10.5,1640995319999,1,1,0,0,0", "prices must be positive")]
    [InlineData("1640995260000,46250.00,46300.00,46240.00,46290.00,-2,1640995319999,1,1,0,0,0", "volume -2 is negative")]
    public void Parse_CorruptLine_IsSkippedAndReportedWithLine(string corrupt, string reason)
    {
        var (candles, parser) = Parse(
            "1640995200000,46216.93,46271.08,46208.37,46250.00,40.5,1640995259999,1,1,0,0,0\n" + corrupt + "\n" +
            "1640995320000,46250.00,46300.00,46240.00,46290.00,10.5,1640995379999,1,1,0,0,0\n");
        candles.Select(c => c.OpenTimeMs).ShouldBe([1640995200000, 1640995320000]);
        var problem = parser.Problems.ShouldHaveSingleItem();
        problem.ToString().ShouldStartWith("test.csv:2: ");
        problem.Reason.ShouldContain(reason);
        parser.SkippedRows.ShouldBe(1);
    }

    [Fact]
    public void Parse_RepeatedTimeAfterAJump_KeepsTheRowThatContinuesTheSeries()
    {
        var (candles, parser) = Parse(
            "1640995200000,100,101,99,100,1,1640995259999,1,1,0,0,0\n" +
            "1640995260000,100,102,99,101,1,1640995319999,1,1,0,0,0\n" +
            "1640995320000,5000,5001,4999,5000,1,1640995379999,1,1,0,0,0\n" +
            "1640995320000,101,103,100,102,1,1640995379999,1,1,0,0,0\n");
        candles.Select(c => c.Open).ShouldBe([100m, 100m, 101m]);
        parser.Problems.ShouldHaveSingleItem().ToString().ShouldBe(
            "test.csv:3: open 5000 breaks away from the previous close 101; line 4 repeats its time and continues the series");
    }

    [Fact]
    public void Parse_FutureRow_IsRejected()
    {
        var (candles, parser) = Parse("1640995200000,1,1,1,1,1,1640995259999,1,1,0,0,0\n", latest: 1640995199999);
        candles.ShouldBeEmpty();
        parser.Problems.Single().Reason.ShouldContain("in the future");
    }

    [Fact]
    public void Parse_UnknownHeader_ThrowsNamingFileAndLine()
    {
        Should.Throw<InvalidDataException>(() => Parse("when,price\n2024-01-01,1\n")).Message.ShouldStartWith("test.csv:1: unrecognized header");
    }

    [Fact]
    public void Parse_LineLongerThanAnyRow_OneRowErrorAndTheRestImported()
    {
        var row = "1704067200000,42283.58,42298.62,42261.02,42298.61,35.92724,1704067259999,1519290.46,1327,19.58,828215.09,0";
        var parser = new KlineCsvParser("test.csv", Btc, Timeframe.M1) { MaxLineBytes = 1_000 };
        var candles = new List<Candle>();

        parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes($"{new string('x', 3_000_000)}\n{row}\n")), candles);

        candles.ShouldHaveSingleItem();
        parser.Problems.ShouldHaveSingleItem().ToString().ShouldContain("test.csv:1: line longer than 1,000 bytes");
    }

    [Theory]
    [InlineData("9223372036854760000")]
    [InlineData("253402300800000")]
    public void Parse_OpenTimeBeyondTheCalendar_RowErrorNotACrash(string time)
    {
        var (candles, parser) = Parse($"timestamp,open,high,low,close,volume\n{time},1,2,0.5,1.5,10\n", latest: 1_800_000_000_000);

        candles.ShouldBeEmpty();
        parser.Problems.ShouldHaveSingleItem();
    }
}
