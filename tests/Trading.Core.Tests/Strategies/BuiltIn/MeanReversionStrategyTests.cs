using Shouldly;
using Trading.Core.Strategies.BuiltIn;
using static Trading.Core.Tests.Strategies.StrategyHarness;

namespace Trading.Core.Tests.Strategies.BuiltIn;

public sealed class MeanReversionStrategyTests
{
    private static MeanReversionStrategy Strategy()
    {
        var strategy = new MeanReversionStrategy();
        strategy.Configure(Params(("period", "3"), ("stddev", "1")));
        return strategy;
    }

    [Fact]
    public void OnCandle_CloseCrossesBelowLowerThenAboveMiddle_BuysThenSells()
    {
        // idx4 window 100,100,97: mean 99, sd sqrt(2) -> lower 97.586 > 97: BUY (prev close 100 >= prev lower 100).
        // idx5 96: lower 95.97 < 96, middle 97.67 > 96: nothing. idx6 window 97,96,99: middle 97.33 < 99: SELL.
        var signals = Run(Strategy(), CandleFactory.FromCloses(100, 100, 100, 100, 97, 96, 99, 100));
        Sides(signals).ShouldBe("B@4 S@6");
        var expectedStop = Math.Round(97m - ((decimal)Math.Sqrt(2) / 2), 8);
        signals[0].Signal.StopLoss.ShouldBe(expectedStop);
        signals[0].Signal.Indicators["bb_lower"].ShouldBe(99 - Math.Sqrt(2), 1e-9);
    }

    [Fact]
    public void OnCandle_StaysBelowLowerBand_BuysOnlyOnTheCross()
    {
        // Each new close stays under the falling lower band: only the first crossing buys.
        var signals = Run(Strategy(), CandleFactory.FromCloses(100, 100, 100, 100, 97, 90, 80, 65));
        Sides(signals).ShouldBe("B@4");
    }

    [Fact]
    public void OnCandle_FlatPrices_StaysSilent()
    {
        Run(Strategy(), CandleFactory.FromCloses(100, 100, 100, 100, 100, 100)).ShouldBeEmpty();
    }
}
