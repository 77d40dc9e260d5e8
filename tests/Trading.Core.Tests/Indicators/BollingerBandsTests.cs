using Shouldly;
using Trading.Core.Indicators;

namespace Trading.Core.Tests.Indicators;

public class BollingerBandsTests
{
    [Fact]
    public void Update_SmallSeries_MatchesHandArithmetic()
    {
        // window 1,2,3: middle 2, population sd sqrt(((1-2)² + 0 + (3-2)²)/3) = sqrt(2/3), bands 2 ± 2·sqrt(2/3)
        var bands = new BollingerBands(3, 2);
        bands.Run([1.0, 2.0, 3.0]);
        var offset = 2 * Math.Sqrt(2.0 / 3);
        Expect.Near(bands.Middle, 2);
        Expect.Near(bands.Upper, 2 + offset);
        Expect.Near(bands.Lower, 2 - offset);
        Expect.Near(bands.Bandwidth, 2 * offset / 2);
        Expect.Near(bands.PercentB, (3 - (2 - offset)) / (2 * offset));
    }

    [Fact]
    public void Update_FlatSeries_BandsTouchAndPercentBIsHalf()
    {
        var bands = new BollingerBands(3, 2);
        bands.Run([5.0, 5.0, 5.0]);
        bands.Upper.ShouldBe(5.0);
        bands.Lower.ShouldBe(5.0);
        bands.Bandwidth.ShouldBe(0.0);
        bands.PercentB.ShouldBe(0.5);
    }

    [Theory]
    [InlineData(20, 2.0)]
    [InlineData(5, 1.5)]
    public void Update_RealCloses_MatchesSmaAndTaLibDeviation(int period, double k)
    {
        var closes = BtcBars.Closes(BtcBars.Hourly);
        var middle = SmaTests.Reference(closes, period);
        var deviation = StandardDeviationTests.TaLibReference(closes, period);
        var upper = middle.Select((m, i) => m + (k * deviation[i])).ToArray();
        var lower = middle.Select((m, i) => m - (k * deviation[i])).ToArray();
        var bandwidth = middle.Select((m, i) => (upper[i] - lower[i]) / m).ToArray();
        var percentB = closes.Select((c, i) => (c - lower[i]) / (upper[i] - lower[i])).ToArray();

        Expect.SeriesNear(new BollingerBands(period, k).Run(closes), middle, "middle");
        Expect.SeriesNear(new BollingerBands(period, k).RunSelect(closes, b => b.Upper), upper, "upper");
        Expect.SeriesNear(new BollingerBands(period, k).RunSelect(closes, b => b.Lower), lower, "lower");
        Expect.SeriesNear(new BollingerBands(period, k).RunSelect(closes, b => b.Bandwidth), bandwidth, "bandwidth");
        Expect.SeriesNear(new BollingerBands(period, k).RunSelect(closes, b => b.PercentB), percentB, "percentB");
    }
}
