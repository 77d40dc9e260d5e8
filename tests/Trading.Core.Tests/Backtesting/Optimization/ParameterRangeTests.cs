using Shouldly;
using Trading.Core.Backtesting.Optimization;

namespace Trading.Core.Tests.Backtesting.Optimization;

public class ParameterRangeTests
{
    [Fact]
    public void Parse_RangeWithStep_ListsInclusiveValues()
    {
        var range = ParameterRange.Parse("period=7..28:7");
        range.Name.ShouldBe("period");
        range.Values.ShouldBe([7m, 14m, 21m, 28m]);
    }

    [Fact]
    public void Parse_StepNotLandingOnEnd_StopsBeforeEnd()
    {
        ParameterRange.Parse("oversold=20..35:10").Values.ShouldBe([20m, 30m]);
    }

    [Fact]
    public void Parse_ListAndSingleValue_KeepsValues()
    {
        ParameterRange.Parse("x=1,2.5,4").Values.ShouldBe([1m, 2.5m, 4m]);
        ParameterRange.Parse("x=0.5").Values.ShouldBe([0.5m]);
    }

    [Theory]
    [InlineData("period", "expected name=value")]
    [InlineData("period=abc", "expected a number")]
    [InlineData("period=10..5", "starts after it ends")]
    [InlineData("period=1..5:0", "step must be positive")]
    public void Parse_BadText_ThrowsClearMessage(string text, string message)
    {
        Should.Throw<FormatException>(() => ParameterRange.Parse(text)).Message.ShouldContain(message);
    }
}
