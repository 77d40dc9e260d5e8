using Trading.Core.Indicators;
using static Trading.Core.Tests.Indicators.Ohlc;

namespace Trading.Core.Tests.Indicators;

public class ObvTests
{
    [Fact]
    public void Update_SmallSeries_StartsAtFirstVolume()
    {
        // closes 10, 11, 11, 10.5, 12 with volumes 5, 3, 4, 2, 6 → 5, 5+3, unchanged, 8-2, 6+6
        var output = Run(new Obv(), Bar(10, 10, 10, 5), Bar(11, 11, 11, 3), Bar(11, 11, 11, 4), Bar(10.5, 10.5, 10.5, 2), Bar(12, 12, 12, 6));
        Expect.SeriesNear(output, [5, 8, 8, 6, 12]);
    }

    [Fact]
    public void Update_RealBars_MatchesReference()
    {
        var bars = BtcBars.Hourly;
        var expected = new double[bars.Length];
        expected[0] = bars[0].Volume;
        for (var i = 1; i < bars.Length; i++)
            expected[i] = expected[i - 1] + (Math.Sign(bars[i].Close - bars[i - 1].Close) * bars[i].Volume);
        Expect.SeriesNear(Run(new Obv(), bars), expected, "obv");
    }
}
