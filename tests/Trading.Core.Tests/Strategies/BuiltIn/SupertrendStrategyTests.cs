using Shouldly;
using Trading.Core.Strategies.BuiltIn;
using static Trading.Core.Tests.Strategies.StrategyHarness;

namespace Trading.Core.Tests.Strategies.BuiltIn;

public sealed class SupertrendStrategyTests
{
    [Fact]
    public void OnCandle_FlipUpThenDown_BuysWithStopThenSells()
    {
        // By hand with ATR(2), m=1, wicks of 1: bar 2 is the first ready bar (down, upper 102, lower 98);
        // bar 4 closes 104 > 102: flip up, lower band stays 98. Bar 8 closes 104 < lower 106.25: flip down.
        var strategy = new SupertrendStrategy();
        strategy.Configure(Params(("atr_period", "2"), ("multiplier", "1")));
        var signals = Run(strategy, CandleFactory.WithWicks(1m, 100, 100, 100, 100, 104, 108, 112, 110, 104, 98, 94));
        Sides(signals).ShouldBe("B@4 S@8");
        signals[0].Signal.StopLoss.ShouldBe(98m);
        signals[0].Signal.Indicators["supertrend_direction"].ShouldBe(1);
        signals[1].Signal.Indicators["supertrend"].ShouldBe(113.375, 1e-9);
    }

    [Fact]
    public void OnCandle_DefaultParameters_SignalWhereTheDocumentedRulesSay()
    {
        // Worked out from the Description's rules with N=10, m=3: flip up on bar 17 (close 110), down on bar 26 (close 109).
        Sides(Run(new SupertrendStrategy(), CandleFactory.WithWicks(1m, CandleFactory.RallyThenFall()))).ShouldBe("B@17 S@26");
    }

    [Fact]
    public void OnCandle_SteadyRange_StaysSilent()
    {
        var closes = Enumerable.Range(0, 40).Select(i => 100m + (i % 2)).ToArray();
        Run(new SupertrendStrategy(), CandleFactory.WithWicks(1m, closes)).ShouldBeEmpty();
    }

    [Fact]
    public void WarmUpPeriod_IsAtrPeriodPlusTwo() => new SupertrendStrategy().WarmUpPeriod.ShouldBe(12);
}
