using Shouldly;
using Trading.Core.Model;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;
using Trading.Core.Strategies.Regime;
using static Trading.Core.Tests.Strategies.StrategyHarness;

namespace Trading.Core.Tests.Strategies.BuiltIn;

public sealed class RegimeSwitchStrategyTests
{
    private static readonly (string, string)[] FastClassifier =
        [("adx_period", "2"), ("atr_period", "2"), ("lookback", "2"), ("bb_period", "2")];

    [Fact]
    public void OnCandle_TrendingRegime_PassesSupertrendSignals()
    {
        // adx_threshold 0: every ready bar with unequal DIs is a trend, so supertrend's flips (bars 17 and 26) route through.
        var strategy = new RegimeSwitchStrategy();
        strategy.Configure(Params([.. FastClassifier, ("adx_threshold", "0")]));
        var signals = Run(strategy, CandleFactory.WithWicks(1m, CandleFactory.RallyThenFall()));
        Sides(signals).ShouldBe("B@17 S@26");
        signals[0].Signal.Reason.ShouldStartWith("[TRENDING_UP] supertrend: Supertrend(10, 3) flipped up");
        signals[0].Signal.Strategy.ShouldBe("regime_switch");
        signals[0].Signal.StopLoss.ShouldNotBeNull();
        signals[0].Signal.Indicators["regime"].ShouldBe((int)MarketRegime.TrendingUp);
    }

    [Fact]
    public void OnCandle_AlwaysUncertain_StaysFlatWhereSupertrendWouldBuy()
    {
        var candles = CandleFactory.WithWicks(1m, CandleFactory.RallyThenFall());
        Run(new SupertrendStrategy(), candles).ShouldNotBeEmpty();
        var strategy = new RegimeSwitchStrategy(); // lookback 100: the classifier is never ready on 31 candles
        Run(strategy, candles).ShouldBeEmpty();
    }

    [Fact]
    public void OnCandle_RegimeTurnsUncertainWhileHolding_SellsTheWholePosition()
    {
        decimal[] closes = [100, 104, 100, 104, 100, 104, 100, 104, 102, 102, 102, 102];
        var candles = CandleFactory.WithWicks(1m, closes);
        (string, string)[] options = [("adx_period", "2"), ("atr_period", "2"), ("lookback", "3"), ("bb_period", "3"), ("adx_threshold", "100"), ("volatility_ratio", "20")];
        var classifier = new RegimeClassifier(new RegimeClassifierOptions
        {
            AdxPeriod = 2, AdxThreshold = 100, AtrPeriod = 2, Lookback = 3, VolatilityRatio = 20, BollingerPeriod = 3,
        });
        var regimes = candles.Select(c => classifier.Update(c)).ToArray();
        var firstUncertain = Array.FindIndex(regimes, 5, r => r == MarketRegime.Uncertain);
        regimes[firstUncertain - 1].ShouldBe(MarketRegime.Ranging);

        var strategy = new RegimeSwitchStrategy();
        strategy.Configure(Params(options));
        var context = new StrategyContext(CandleFactory.Btc, Timeframe.M1) { PositionQuantity = 5m };
        var signals = candles.Select((c, i) => (i, s: strategy.OnCandle(c, context))).Where(x => x.s is not null).ToList();

        signals.Count.ShouldBe(1);
        signals[0].i.ShouldBe(firstUncertain);
        signals[0].s!.Side.ShouldBe(OrderSide.Sell);
        signals[0].s!.Quantity.ShouldBe(5m);
        signals[0].s!.Reason.ShouldBe("[UNCERTAIN] regime turned uncertain (was RANGING): going flat");
    }
}
