using Shouldly;
using Trading.Core.Risk;

namespace Trading.Core.Tests.Risk;

public class StepRoundingTests
{
    [Theory]
    [InlineData(1.23456, 0.001, 1.234, 1.235)]
    [InlineData(1.5, 0.001, 1.5, 1.5)]            // already on the step
    [InlineData(7.3, 0.5, 7.0, 7.5)]              // not a power of ten
    [InlineData(0.12345, 0.05, 0.10, 0.15)]
    [InlineData(123.45, 1, 123, 124)]
    [InlineData(5, 0, 5, 5)]                      // no rule
    public void FloorAndCeiling_MatchDivisionRounding(decimal value, decimal step, decimal floor, decimal ceiling)
    {
        StepRounding.Floor(value, step).ShouldBe(floor);
        StepRounding.Ceiling(value, step).ShouldBe(ceiling);
        if (step > 0) StepRounding.Floor(value, step).ShouldBe(Math.Floor(value / step) * step);
    }
}
