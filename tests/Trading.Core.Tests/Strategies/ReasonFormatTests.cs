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
}
