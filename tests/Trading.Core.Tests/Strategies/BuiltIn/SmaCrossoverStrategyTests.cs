using Shouldly;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;
using static Trading.Core.Tests.Strategies.StrategyHarness;

namespace Trading.Core.Tests.Strategies.BuiltIn;

public sealed class SmaCrossoverStrategyTests
{
    private static SmaCrossoverStrategy Cross()
    {
        var strategy = new SmaCrossoverStrategy();
        strategy.Configure(Params(("fast", "2"), ("slow", "3")));
        return strategy;
    }

    [Fact]
    public void OnCandle_FastCrossesAboveThenBelow_BuysThenSells()
    {
        // idx4: SMA2 11.5 > SMA3 11 after equal (d 0 -> .5): BUY. idx6: SMA2 11 < SMA3 11.67 (d .. -> -.67): SELL.
        var signals = Run(Cross(), CandleFactory.FromCloses(10, 10, 10, 10, 13, 14, 8, 8));
        Sides(signals).ShouldBe("B@4 S@6");
        signals[0].Signal.Indicators["sma_fast"].ShouldBe(11.5, 1e-12);
        signals[0].Signal.Indicators["sma_slow"].ShouldBe(11.0, 1e-12);
        signals[0].Signal.Confidence.ShouldBe(60);
    }

    [Fact]
    public void OnCandle_FastAlreadyAboveAtFirstValue_StaysSilent()
    {
        Run(Cross(), CandleFactory.FromCloses(1, 2, 3, 4, 5, 6, 7)).ShouldBeEmpty();
    }

    [Fact]
    public void WarmUpPeriod_IsSlowPlusOne() => Cross().WarmUpPeriod.ShouldBe(4);

    [Fact]
    public void Configure_FastNotBelowSlow_Throws()
    {
        Should.Throw<StrategyConfigurationException>(() => new SmaCrossoverStrategy().Configure(Params(("fast", "30"), ("slow", "30"))))
            .Message.ShouldBe("Strategy 'sma_crossover': fast (30) must be below slow (30).");
    }
}
