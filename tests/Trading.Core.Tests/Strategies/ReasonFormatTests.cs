using Shouldly;
using Trading.Core.Strategies;

namespace Trading.Core.Tests.Strategies;

public sealed class ReasonFormatTests
{
    [Theory]
    [InlineData(7.6923, "7.69")]
    [InlineData(100.0, "100.00")]
    [InlineData(0.005, "0.01")]
    [InlineData(-0.005, "-0.01")]
    [InlineData(-12.344, "-12.34")]
    [InlineData(0.0, "0.00")]
    [InlineData(double.NaN, "NaN")]
    public void Fixed2_Value_MatchesInvariantF2WithHalfAwayFromZero(double value, string expected) =>
        ReasonFormat.Fixed2(value).ShouldBe(expected);

    [Fact]
    public void Fixed2Number_TooShortBuffer_ReportsFailure()
    {
        Span<char> buffer = stackalloc char[4];

        new Fixed2Number(-12.344).TryFormat(buffer, out var written, default, null).ShouldBeFalse();
        new Fixed2Number(1.5).TryFormat(buffer, out written, default, null).ShouldBeTrue();
        buffer[..written].ToString().ShouldBe("1.50");
    }

    [Fact]
    public void Fixed2Number_InInterpolatedString_MatchesFixed2() =>
        $"{new Fixed2Number(-0.005)}|{new Fixed2Number(7.6923)}".ShouldBe($"{ReasonFormat.Fixed2(-0.005)}|{ReasonFormat.Fixed2(7.6923)}");
}
