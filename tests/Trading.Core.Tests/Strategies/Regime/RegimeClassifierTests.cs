using Shouldly;
using Trading.Core.Strategies.Regime;

namespace Trading.Core.Tests.Strategies.Regime;

public sealed class RegimeClassifierTests
{
    private static RegimeClassifierOptions Small(double adxThreshold = 25, double volatilityRatio = 1.5) => new()
    {
        AdxPeriod = 2, AdxThreshold = adxThreshold, AtrPeriod = 2, Lookback = 3, VolatilityRatio = volatilityRatio,
        BollingerPeriod = 3, BollingerStdDev = 2, SqueezeRatio = 0.75,
    };

    private static MarketRegime[] Classify(RegimeClassifierOptions options, IEnumerable<Trading.Core.Model.Candle> candles)
    {
        var classifier = new RegimeClassifier(options);
        return candles.Select(c => classifier.Update(c)).ToArray();
    }

    [Fact]
    public void Update_SteadyRise_UncertainDuringWarmUpThenTrendingUp()
    {
        var closes = Enumerable.Range(0, 10).Select(i => 100m + (2 * i)).ToArray();
        var regimes = Classify(Small(), CandleFactory.WithWicks(0.5m, closes));
        new RegimeClassifier(Small()).WarmUpPeriod.ShouldBe(5);
        regimes[..4].ShouldAllBe(r => r == MarketRegime.Uncertain);
        regimes[4..].ShouldAllBe(r => r == MarketRegime.TrendingUp);
    }

    [Fact]
    public void Update_SteadyFall_TrendingDown()
    {
        var closes = Enumerable.Range(0, 10).Select(i => 200m - (2 * i)).ToArray();
        Classify(Small(), CandleFactory.WithWicks(0.5m, closes))[4..].ShouldAllBe(r => r == MarketRegime.TrendingDown);
    }

    [Fact]
    public void Update_RangeBarAfterCalm_HighVolatility()
    {
        // TR 2 per calm bar; the last bar's range of 24 lifts ATR(2) to 13 (13%) above 1.5 x the mean of (2%, 2%, 13%).
        decimal[] closes = [100, 101, 100, 101, 100, 101, 100, 101];
        decimal[] wicks = [1, 1, 1, 1, 1, 1, 1, 12];
        var regimes = Classify(Small(adxThreshold: 100), CandleFactory.WithWicks(closes, wicks));
        regimes[^1].ShouldBe(MarketRegime.HighVolatility);
        regimes[^2].ShouldNotBe(MarketRegime.HighVolatility);
    }

    [Fact]
    public void Update_OscillationThenFlat_RangingThenUncertainSqueeze()
    {
        decimal[] closes = [100, 104, 100, 104, 100, 104, 100, 104, 102, 102, 102, 102];
        var regimes = Classify(Small(adxThreshold: 100, volatilityRatio: 20), CandleFactory.WithWicks(1m, closes));
        regimes[4..8].ShouldAllBe(r => r == MarketRegime.Ranging);
        regimes[^1].ShouldBe(MarketRegime.Uncertain);
    }

    [Fact]
    public void Label_UsesSpecNames()
    {
        RegimeClassifier.Label(MarketRegime.TrendingUp).ShouldBe("TRENDING_UP");
        RegimeClassifier.Label(MarketRegime.HighVolatility).ShouldBe("HIGH_VOLATILITY");
        RegimeClassifier.Label(MarketRegime.Uncertain).ShouldBe("UNCERTAIN");
    }
}
