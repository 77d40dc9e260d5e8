using System.Text;
using Shouldly;
using Trading.Core.Data;
using Trading.Core.Model;

namespace Trading.Core.Tests.Data;

public class BinanceKlineRowTests
{
    private static readonly Symbol Btc = new("BTCUSDT");

    /// <summary>The same columns named in a header, which sends every row through the general parser.</summary>
    private const string BinanceHeader = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_base,taker_quote,ignore";

    private static (Candle Candle, string? Problem) Fast(string row)
    {
        BinanceKlineRow.TryParse(Encoding.ASCII.GetBytes(row), Btc, Timeframe.M1, out var candle, out var problem).ShouldBeTrue();
        return (candle, problem);
    }

    private static (List<Candle> Candles, IReadOnlyList<RowProblem> Problems) ParseAll(string text)
    {
        var parser = new KlineCsvParser("test.csv", Btc, Timeframe.M1);
        var candles = new List<Candle>();
        parser.Parse(new MemoryStream(Encoding.ASCII.GetBytes(text)), candles);
        return (candles, parser.Problems);
    }

    [Theory]
    [InlineData("1640995200000,46216.93000000,46271.08000000,46208.37000000,46250.00000000,40.57574000,1640995259999,1875978.44269790,796,27.26,1260270.37,0")]
    [InlineData("1735689600000000,93576.00,93610.93,93537.50,93610.93,8.21827,1735689659999999,768883.24,1317,2.2,205587.9,0")]
    [InlineData("1640995260000,46250,46300.5,46240.,46290.00000000,0,1640995319999,0.000000001,0")]
    [InlineData("1640995260000,.5,.7,.5,.6,1.123456789012345,1640995319999,123456789012345678,1")]
    [InlineData("1640995260000,0.00000001,9999999999.99999999,0.00000001,1.00000000,5.00000000,1640995319999,1.00000000,2")]
    public void TryParse_PlainRow_MatchesTheGeneralParser(string row)
    {
        var (fast, problem) = Fast(row);
        problem.ShouldBeNull();
        var (general, problems) = ParseAll(BinanceHeader + "\n" + row + "\n");
        problems.ShouldBeEmpty();
        fast.ShouldBe(general.Single());
        // Same scale as well as value: the store writes inexact values as the decimal's text.
        fast.Open.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(general[0].Open.ToString(System.Globalization.CultureInfo.InvariantCulture));
        fast.QuoteVolume.ToString().ShouldBe(general[0].QuoteVolume.ToString());
    }

    [Theory]
    [InlineData("1640995200000,46216.93,46200.00,46208.37,46250.00,1,1640995259999,1,1")] // high below low
    [InlineData("1640995200000,46216.93,46271.08,46208.37,46300.00,1,1640995259999,1,1")] // high below close
    [InlineData("1640995200000,46216.93,46271.08,46220.00,46250.00,1,1640995259999,1,1")] // low above open
    [InlineData("1640995200000,0,46271.08,46208.37,46250.00,1,1640995259999,1,1")] // zero open
    [InlineData("1640995200000,46216.93,46271.08,0.00,46250.00,1,1640995259999,1,1")] // zero low
    [InlineData("1640995201000,46216.93,46271.08,46208.37,46250.00,1,1640995259999,1,1")] // not on a minute
    [InlineData("1640995200000,46216.93,46271.08,46208.37,46250.00,1,1640995199999,1,1")] // closes before it opens
    [InlineData("1640995200000,46216.930000001,46271.08,46208.370000001,46250.00,1,1640995259999,1,1")] // not exact at 10^-8, valid
    [InlineData("1640995200000,46216.930000001,46216.93,46208.37,46250.00,1,1640995259999,1,1")] // not exact at 10^-8, invalid
    public void TryParse_RowBreakingOrNearARule_ReportsWhatTheGeneralParserReports(string row)
    {
        var (fast, problem) = Fast(row);
        problem.ShouldBe(fast.FindProblem());
        var (general, problems) = ParseAll(BinanceHeader + "\n" + row + "\n");
        if (problem is null) fast.ShouldBe(general.Single());
        else problems.Single().Reason.ShouldBe(problem);
    }

    [Theory]
    [InlineData("1640995200000,-46216.93,46271.08,46208.37,46250.00,1,1640995259999,1,1")] // sign
    [InlineData("1640995200000, 46216.93,46271.08,46208.37,46250.00,1,1640995259999,1,1")] // space
    [InlineData("1640995200000,\"46216.93\",46271.08,46208.37,46250.00,1,1640995259999,1,1")] // quotes
    [InlineData("1640995200000,46216.93,46271.08,46208.37,46250.00,1E-05,1640995259999,1,1")] // exponent
    [InlineData("1640995200000,46216.93,46271.08,46208.37,46250.00,1")] // no close time, quote volume or count
    [InlineData("2022-01-01 00:00:00,46216.93,46271.08,46208.37,46250.00,1,1640995259999,1,1")] // date string
    [InlineData("1640995200000,1234567890.1234567891,46271.08,46208.37,46250.00,1,1640995259999,1,1")] // 21 characters
    [InlineData("1640995200000,.,46271.08,46208.37,46250.00,1,1640995259999,1,1")] // no digit
    [InlineData("1640995200000,46216.93,46271.08,46208.37,46250.00,1,1640995259999,1,1.0")] // count with a point
    [InlineData("1640995200000,46216..93,46271.08,46208.37,46250.00,1,1640995259999,1,1")] // two points
    [InlineData("1234567890123456789,46216.93,46271.08,46208.37,46250.00,1,1640995259999,1,1")] // 19-digit time
    [InlineData("1640995200000,46216.1234567:,46271.08,46208.37,46250.00,1,1640995259999,1,1")] // ':' in the eight decimals
    [InlineData("1640995200000,46216.1234/678,46271.08,46208.37,46250.00,1,1640995259999,1,1")] // '/' in the eight decimals
    [InlineData("16409952000:0,46216.93,46271.08,46208.37,46250.00,1,1640995259999,1,1")] // ':' in the time's first eight digits
    [InlineData("")]
    public void TryParse_RowInAnotherShape_Declines(string row) =>
        BinanceKlineRow.TryParse(Encoding.ASCII.GetBytes(row), Btc, Timeframe.M1, out _, out _).ShouldBeFalse();

    [Fact]
    public void Parse_MixedShapes_FallsBackRowByRowWithTheSameResult()
    {
        const string rows =
            "1640995200000,46216.93000000,46271.08000000,46208.37000000,46250.00000000,40.57574000,1640995259999,1875978.44269790,796,0,0,0\n" +
            "1640995260000, 46250.00 ,46300.00,46240.00,46290.00,10.5,1640995319999,486000.1,120,0,0,0\n" +
            "1640995320000,46290.00,46280.00,46295.00,46290.00,1,1640995379999,1,1,0,0,0\n" +
            "1640995380000,46290.00,46310.00,46280.00,46300.00,-1,1640995439999,1,1,0,0,0\n" +
            "1640995440000,46300.00,46320.00,46290.00,46310.00,1E-05,1640995499999,1,1,0,0,0\n";
        var (fast, fastProblems) = ParseAll(rows);
        var (general, generalProblems) = ParseAll(BinanceHeader + "\n" + rows);
        fast.ShouldBe(general);
        fast.Count.ShouldBe(3);
        fastProblems.Select(p => (p.Line + 1, p.Reason)).ShouldBe(generalProblems.Select(p => (p.Line, p.Reason)));
        fastProblems.Select(p => p.Line).ShouldBe([3L, 4L]);
    }
}
