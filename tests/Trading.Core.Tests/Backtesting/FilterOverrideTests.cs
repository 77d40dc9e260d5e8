using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Model;

namespace Trading.Core.Tests.Backtesting;

public sealed class FilterOverrideTests
{
    [Fact]
    public void Parse_AllThree_IsCompleteAndBuildsTheFilters()
    {
        var parsed = FilterOverride.Parse("tick=0.01, step=0.0001,min_notional=5");

        parsed.ShouldBe(new FilterOverride(0.01m, 0.0001m, 5m));
        parsed.IsComplete.ShouldBeTrue();
        parsed.ToFilters().ShouldBe(new SymbolFilters { TickSize = 0.01m, MinPrice = 0.01m, StepSize = 0.0001m, MinQuantity = 0.0001m, MinNotional = 5m });
    }

    [Fact]
    public void Parse_LongNamesInAnyOrder_Accepted() =>
        FilterOverride.Parse("min_notional=0,STEP_SIZE=1,tick_size=0.00001").ShouldBe(new FilterOverride(0.00001m, 1m, 0m));

    [Fact]
    public void ApplyTo_OnlyStep_ReplacesStepAndMinQuantityKeepsTheRest()
    {
        var found = new SymbolFilters { TickSize = 0.01m, MinPrice = 0.01m, MaxPrice = 1000m, StepSize = 0.00001m, MinQuantity = 0.00001m, MinNotional = 5m };

        var parsed = FilterOverride.Parse("step=0.001");

        parsed.IsComplete.ShouldBeFalse();
        parsed.ApplyTo(found).ShouldBe(found with { StepSize = 0.001m, MinQuantity = 0.001m });
    }

    [Theory]
    [InlineData("", "give tick=, step= or min_notional=")]
    [InlineData("tick", "'tick' must look like name=value")]
    [InlineData("tick=abc", "'tick=abc' needs a number")]
    [InlineData("tick=0", "tick must be positive")]
    [InlineData("step=-1", "step must be positive")]
    [InlineData("min_notional=-5", "min_notional must be 0 or more")]
    [InlineData("lot=1", "unknown filter 'lot'")]
    [InlineData("tick=0.01,tick=0.1", "tick is given twice")]
    [InlineData("tick=1e-2", "needs a number")]
    public void Parse_BadText_ThrowsOneLineNamingTheProblem(string text, string reason)
    {
        var error = Should.Throw<FormatException>(() => FilterOverride.Parse(text));

        error.Message.ShouldStartWith($"--filters '{text}': ");
        error.Message.ShouldContain(reason);
        error.Message.ShouldNotContain("\n");
    }
}
