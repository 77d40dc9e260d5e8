using Shouldly;
using Trading.Core.Model;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;
using static Trading.Core.Tests.Strategies.StrategyHarness;

namespace Trading.Core.Tests.Strategies.BuiltIn;

public sealed class RsiStrategyTests
{
    // RSI(2) by hand (Wilder, seeded with the mean of the first 2 changes):
    // idx2 gain 1 loss 0 -> 100; idx3 (-12) gain .5 loss 6 -> 7.69; idx4 (+1) gain .75 loss 3 -> 20;
    // idx5 (+9) gain 4.875 loss 1.5 -> 76.47; idx6 (+10) gain 7.4375 loss .75 -> 90.84.
    private static readonly decimal[] Closes = [100, 101, 102, 90, 91, 100, 110];

    private static RsiStrategy Rsi(string mode = "cross")
    {
        var rsi = new RsiStrategy();
        rsi.Configure(Params(("period", "2"), ("mode", mode)));
        return rsi;
    }

    [Fact]
    public void OnCandle_CrossMode_SignalsOnlyOnThresholdCrossings()
    {
        var signals = Run(Rsi(), CandleFactory.FromCloses(Closes));
        Sides(signals).ShouldBe("B@3 S@5");
        signals[0].Signal.Confidence.ShouldBe(87); // 50 + 50*(30-7.69)/30
        signals[0].Signal.Indicators["rsi"].ShouldBe(100.0 * 0.5 / 6.5, 1e-9);
        signals[0].Signal.Reason.ShouldBe("RSI(2) crossed below oversold 30: 100.00 -> 7.69");
        signals[1].Signal.Confidence.ShouldBe(61); // 50 + 50*(76.47-70)/30
        signals[1].Signal.Quantity.ShouldBe(0.001m);
    }

    [Fact]
    public void OnCandle_Signal_EqualsACopyWithTheSameReasonTextAndDiffersFromOneWithAnother()
    {
        var signal = Run(Rsi(), CandleFactory.FromCloses(Closes))[0].Signal;
        var copy = signal with { Reason = "RSI(2) crossed below oversold 30: 100.00 -> 7.69" };
        copy.ShouldBe(signal);
        copy.GetHashCode().ShouldBe(signal.GetHashCode());
        (signal with { Reason = "other" }).ShouldNotBe(signal);
        (signal with { Confidence = 1 }).ShouldNotBe(signal);
    }

    [Fact]
    public void OnCandle_LevelMode_SignalsOnEveryCandleBeyondThresholdAndSellsOnlyWhatIsHeld()
    {
        var signals = Run(Rsi("level"), CandleFactory.FromCloses(Closes));
        Sides(signals).ShouldBe("B@3 B@4 S@5 S@6");
        signals.Sum(s => s.Signal.Side == OrderSide.Buy ? s.Signal.Quantity : -s.Signal.Quantity).ShouldBe(0m);
    }

    [Fact]
    public void OnCandle_FirstRsiValueBelowOversold_IsNotACross()
    {
        decimal[] falling = [100, 90, 80];
        Run(Rsi(), CandleFactory.FromCloses(falling)).ShouldBeEmpty();
        Sides(Run(Rsi("level"), CandleFactory.FromCloses(falling))).ShouldBe("B@2");
    }

    [Fact]
    public void OnCandle_OverboughtWithoutPosition_DoesNotSell()
    {
        var rsi = Rsi();
        var context = new StrategyContext(CandleFactory.Btc, Timeframe.M1);
        var sides = CandleFactory.FromCloses(Closes).Select(c => rsi.OnCandle(c, context)?.Side).ToArray();
        sides.Count(s => s is not null).ShouldBe(1);
        sides[3].ShouldBe(OrderSide.Buy);
    }

    [Fact]
    public void OnCandle_PartialPosition_SellsAtMostThePosition()
    {
        var rsi = Rsi();
        var context = new StrategyContext(CandleFactory.Btc, Timeframe.M1) { PositionQuantity = 0.0004m };
        var sell = CandleFactory.FromCloses(Closes).Select(c => rsi.OnCandle(c, context)).Last(s => s is not null)!;
        sell.Side.ShouldBe(OrderSide.Sell);
        sell.Quantity.ShouldBe(0.0004m);
    }

    [Fact]
    public void WarmUpPeriod_IsPeriodPlusOne()
    {
        Rsi().WarmUpPeriod.ShouldBe(3);
        new RsiStrategy().WarmUpPeriod.ShouldBe(15);
    }

    [Fact]
    public void Configure_OversoldNotBelowOverbought_Throws()
    {
        Should.Throw<StrategyConfigurationException>(() => new RsiStrategy().Configure(Params(("oversold", "70"), ("overbought", "60"))))
            .Message.ShouldBe("Strategy 'rsi': oversold (70) must be below overbought (60).");
    }

    [Fact]
    public void Reset_ReplaysIdentically()
    {
        var rsi = Rsi();
        var first = Run(rsi, CandleFactory.FromCloses(Closes)).Select(s => s.Signal).ToList();
        rsi.Reset();
        var second = Run(rsi, CandleFactory.FromCloses(Closes)).Select(s => s.Signal).ToList();
        second.Select(s => s.Id).ShouldBe(first.Select(s => s.Id));
        second.Select(s => s.Confidence).ShouldBe(first.Select(s => s.Confidence));
    }
}
