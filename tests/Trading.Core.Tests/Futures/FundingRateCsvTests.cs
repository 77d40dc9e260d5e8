using Shouldly;
using Trading.Core.Futures;
using Xunit;

namespace Trading.Core.Tests.Futures;

public sealed class FundingRateCsvTests
{
    private const string Header = "calc_time,funding_interval_hours,last_funding_rate";

    private static Dictionary<long, decimal> Read(string text)
    {
        var rows = new Dictionary<long, decimal>();
        FundingRateCsv.Read(new StringReader(text), "BTCUSDT-fundingRate-2024-01.csv", rows);
        return rows;
    }

    [Fact]
    public void Read_BinanceVisionFile_GivesOneSettlementPerRowAtTheMinute()
    {
        var rows = Read($"{Header}\n1704067200000,8,0.00037409\n1704096000005,8,-0.00010000\n");

        rows.Count.ShouldBe(2);
        rows[1_704_067_200_000].ShouldBe(0.00037409m);
        rows[1_704_096_000_000].ShouldBe(-0.0001m);
    }

    [Theory]
    [InlineData("1704067200000,8,abc", "last_funding_rate 'abc'")]
    [InlineData("-1704067200000,8,0.0001", "calc_time '-1704067200000'")]
    [InlineData("1704067200000,-8,0.0001", "funding_interval_hours '-8'")]
    [InlineData("1704067200000,8,1.5", "last_funding_rate '1.5'")]
    [InlineData("1704067200000,8", "expected calc_time")]
    public void Read_BadRow_ThrowsNamingTheFileLineAndValue(string row, string expected)
    {
        var error = Should.Throw<FormatException>(() => Read($"{Header}\n{row}\n"));

        error.Message.ShouldContain("BTCUSDT-fundingRate-2024-01.csv line 2");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Start_FileSettlements_WalkInOrderFromTheFirstAtOrAfterTheStart()
    {
        var rates = FundingRates.FromSettlements([100, 200, 300], [0.1m, 0.2m, 0.3m], "test");

        var cursor = rates.Start(150);
        cursor.NextMs.ShouldBe(200);
        cursor.Rate.ShouldBe(0.2m);
        cursor.Advance();
        cursor.Rate.ShouldBe(0.3m);
        cursor.Advance();
        cursor.NextMs.ShouldBe(long.MaxValue);
    }

    [Fact]
    public void Start_ConstantRate_SettlesAt00_08_16Utc()
    {
        var cursor = FundingRates.Constant(0.0001m).Start(1_704_067_200_000 + 1);

        DateTimeOffset.FromUnixTimeMilliseconds(cursor.NextMs).Hour.ShouldBe(8);
        cursor.Advance();
        DateTimeOffset.FromUnixTimeMilliseconds(cursor.NextMs).Hour.ShouldBe(16);
        cursor.Advance();
        DateTimeOffset.FromUnixTimeMilliseconds(cursor.NextMs).Hour.ShouldBe(0);
    }
}
