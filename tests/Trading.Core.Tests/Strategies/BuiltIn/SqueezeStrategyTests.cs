using Shouldly;
using Trading.Core.Strategies.BuiltIn;
using static Trading.Core.Tests.Strategies.StrategyHarness;

namespace Trading.Core.Tests.Strategies.BuiltIn;

public sealed class SqueezeStrategyTests
{
    // Wide wicks keep the ATR large while closes barely move: BB(3, 2) sits inside KC(EMA 3, ATR 2, x1).
    private static readonly decimal[] Closes = [100, 101, 100, 101, 100, 101, 104, 107, 110, 113, 116, 110, 104];
    private static readonly decimal[] Wicks = [5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0, 0, 0];

    private static SqueezeStrategy Strategy()
    {
        var strategy = new SqueezeStrategy();
        strategy.Configure(Params(("bb_period", "3"), ("bb_stddev", "2"), ("kc_period", "3"), ("kc_atr_period", "2"), ("kc_multiplier", "1")));
        return strategy;
    }

    [Fact]
    public void OnCandle_SqueezeReleasedUpwardsThenCloseBelowKeltnerMiddle_BuysThenSells()
    {
        // Bar 7: BB lower 99.10 < KC lower 99.67 ends the squeeze, close 107 > BB middle 104: BUY, stop = KC lower
        // (EMA 104.667 - ATR 5). Bar 11: close 110 < KC middle 111.54 after 116 >= 113.08: SELL.
        var signals = Run(Strategy(), CandleFactory.WithWicks(Closes, Wicks));
        Sides(signals).ShouldBe("B@7 S@11");
        signals[0].Signal.StopLoss.ShouldBe(99.66666667m);
        signals[0].Signal.Reason.ShouldStartWith("squeeze released upwards");
        signals[1].Signal.Reason.ShouldStartWith("close crossed below the Keltner middle");
    }

    [Fact]
    public void OnCandle_SqueezeNeverReleased_StaysSilent()
    {
        Run(Strategy(), CandleFactory.WithWicks(Closes[..6], Wicks[..6])).ShouldBeEmpty();
    }

    [Fact]
    public void OnCandle_ExitWithoutPosition_DoesNotSell()
    {
        var strategy = Strategy();
        var context = new Trading.Core.Strategies.StrategyContext(CandleFactory.Btc, Trading.Core.Model.Timeframe.M1);
        var fired = CandleFactory.WithWicks(Closes, Wicks).Select(c => strategy.OnCandle(c, context)).Count(s => s is not null);
        fired.ShouldBe(1);
    }
}
