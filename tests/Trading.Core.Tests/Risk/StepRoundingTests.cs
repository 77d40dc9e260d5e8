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

    [Fact]
    public void AsDivision_RandomPricesAndSteps_SameDigitsAndScaleAsTheDivisionForm()
    {
        var random = new Random(5);
        decimal[] steps = [0.01m, 0.00001m, 1m, 0.5m, 0.010m];
        for (var i = 0; i < 20_000; i++)
        {
            var price = new decimal(random.Next(1, int.MaxValue), 0, 0, false, (byte)random.Next(0, 9));
            var value = price * (i % 2 == 0 ? 1.0002m : 0.9998m);
            foreach (var step in steps)
            {
                StepRounding.FloorAsDivision(value, step).ToString().ShouldBe((Math.Floor(value / step) * step).ToString());
                StepRounding.CeilingAsDivision(value, step).ToString().ShouldBe((Math.Ceiling(value / step) * step).ToString());
                StepRounding.FloorAsDivision(price, step).ToString().ShouldBe((Math.Floor(price / step) * step).ToString());
                StepRounding.IsMultiple(value, step).ShouldBe(value % step == 0);
                StepRounding.IsMultiple(price, step).ShouldBe(price % step == 0);
            }
        }
    }

    [Theory]
    [InlineData(1.2301, 0.01, false)]
    [InlineData(7, 0.00001, true)]
    [InlineData(7.5, 0.5, true)]       // not a power of ten: the remainder is used
    [InlineData(7.4, 0.5, false)]
    public void IsMultiple_Cases_MatchTheRemainder(decimal value, decimal step, bool expected)
    {
        StepRounding.IsMultiple(value, step).ShouldBe(expected);
        (value % step == 0).ShouldBe(expected);
    }

    [Fact]
    public void IsMultiple_TrailingZerosBeyondTheStep_IsOnTheStep() =>
        StepRounding.IsMultiple(1.2300m, 0.01m).ShouldBeTrue();
}
