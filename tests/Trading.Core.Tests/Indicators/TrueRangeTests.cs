using Trading.Core.Indicators;
using static Trading.Core.Tests.Indicators.Ohlc;

namespace Trading.Core.Tests.Indicators;

public class TrueRangeTests
{
    [Fact]
    public void Update_GapsAndInsideBars_MatchHandArithmetic()
    {
        // gap up: prev close 10, bar 15..12 → |15-10| = 5; inside: prev 14, bar 14.5..13 → 1.5; gap down: prev 13.5, bar 11..10 → |10-13.5| = 3.5
        var output = Run(new TrueRange(), Bar(11, 9, 10), Bar(15, 12, 14), Bar(14.5, 13, 13.5), Bar(11, 10, 10.5));
        Expect.SeriesNear(output, [double.NaN, 5, 1.5, 3.5]);
    }

    [Fact]
    public void Update_RealBars_MatchesDefinition()
    {
        var bars = BtcBars.Hourly;
        Expect.SeriesNear(Run(new TrueRange(), bars), TrueRanges(bars), "trange");
    }
}
