using Shouldly;
using Trading.Services.Backtesting;

namespace Trading.Services.Tests.Backtesting;

public class ReportNumberFormatTests
{
    [Theory]
    [InlineData("0.01", "16581.67357143", "16581.67")]
    [InlineData("0.01000000", "16581.67857143", "16581.68")]
    [InlineData("0.5", "100.26", "100.5")]
    [InlineData("1", "42.5", "43")]
    [InlineData("0.00001", "0.0012345678", "0.00123")]
    [InlineData("0", "16581.673571434", "16581.67357143")]
    public void Text_ValueOffTheIncrement_RoundedAndPrintedAtItsDecimals(string increment, string value, string expected)
    {
        var format = new ReportNumberFormat(decimal.Parse(increment, System.Globalization.CultureInfo.InvariantCulture));

        format.Text(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Fact]
    public void Round_Double_LandsOnTheTick()
    {
        new ReportNumberFormat(0.01m).Round(16581.67357143).ShouldBe(16581.67);
    }
}
