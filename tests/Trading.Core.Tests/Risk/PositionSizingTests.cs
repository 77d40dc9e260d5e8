using Shouldly;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Tests.Risk;

public class PositionSizingTests
{
    private static readonly SymbolFilters Step = new() { StepSize = 0.001m };

    [Theory]
    [InlineData(PositionSizingMode.FixedQuantity, 0.5, 10_000, 30_000, null, 0.5)]
    [InlineData(PositionSizingMode.FixedQuote, 1_000, 10_000, 30_000, null, 0.033)]   // 0.0333…, down to the step
    [InlineData(PositionSizingMode.EquityFraction, 0.1, 10_000, 250, null, 4)]
    [InlineData(PositionSizingMode.RiskBased, 1, 10_000, 100, 95, 20)]                // 100 at risk / 5 per unit
    [InlineData(PositionSizingMode.RiskBased, 1, 10_000, 100, null, 0)]               // no stop: cannot size
    public void Size_EachMode_RoundedToStep(PositionSizingMode mode, decimal value, decimal equity, decimal entry, int? stop, decimal expected)
    {
        new PositionSizing(mode, value).Size(equity, entry, stop, Step).ShouldBe(expected);
    }

    [Fact]
    public void Validate_FractionAboveOne_Throws()
    {
        Should.Throw<ArgumentException>(() => new PositionSizing(PositionSizingMode.EquityFraction, 1.5m).Validate());
    }

    [Fact]
    public void ForLong_FromPercentages_StopBelowTargetAbove()
    {
        ProtectiveLevels.ForLong(100m, stopLossPct: 2m, takeProfitPct: 4m).ShouldBe(new ProtectiveLevels(98m, 104m));
    }

    [Fact]
    public void ForLong_StrategyStopWins_AndTickRoundsStopDown()
    {
        ProtectiveLevels.ForLong(100m, 2m, strategyStop: 97m).ShouldBe(new ProtectiveLevels(97m, null));
        ProtectiveLevels.ForLong(100.37m, 2m, tickSize: 0.01m).StopLoss.ShouldBe(98.36m); // 98.3626
    }

    [Fact]
    public void ForLong_StopAboveEntry_Throws()
    {
        Should.Throw<ArgumentException>(() => ProtectiveLevels.ForLong(100m, 2m, strategyStop: 101m));
    }
}
