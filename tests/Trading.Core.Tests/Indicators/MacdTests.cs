using Shouldly;
using Trading.Core.Indicators;

namespace Trading.Core.Tests.Indicators;

public class MacdTests
{
    [Fact]
    public void Update_SmallSeries_AlignsFastSeedWithSlow()
    {
        // fast 2, slow 3, signal 2 on 1,2,4,8,16:
        // slow seed at index 2 = (1+2+4)/3 = 7/3; fast seed at index 2 = (2+4)/2 = 3 (the 2 values ending there)
        // line[2] = 3 - 7/3 = 2/3; index 3: fast 3 + (2/3)(8-3) = 19/3, slow 7/3 + 0.5(8-7/3) = 31/6, line = 7/6
        // signal seed at index 3 = (2/3 + 7/6)/2 = 11/12; histogram = 7/6 - 11/12 = 1/4
        // index 4: fast 19/3 + (2/3)(16-19/3) = 115/9, slow 31/6 + 0.5(16-31/6) = 127/12, line = 460/36 - 381/36 = 79/36
        //          signal 11/12 + (2/3)(79/36 - 11/12) = 11/12 + (2/3)(46/36) = 33/36 + 92/108 = 191/108
        var macd = new Macd(2, 3, 2);
        macd.WarmUpPeriod.ShouldBe(4);
        var line = macd.Run([1.0, 2, 4, 8, 16]);
        Expect.SeriesNear(line, [double.NaN, double.NaN, double.NaN, 7.0 / 6, 79.0 / 36]);
        Expect.Near(macd.Signal, 191.0 / 108);
        Expect.Near(macd.Histogram, (79.0 / 36) - (191.0 / 108));
    }

    [Fact]
    public void WarmUpPeriod_Defaults_Is34() => new Macd().WarmUpPeriod.ShouldBe(34);

    [Fact]
    public void Constructor_FastNotBelowSlow_Throws() => Should.Throw<ArgumentOutOfRangeException>(() => new Macd(26, 12, 9));

    [Theory]
    [InlineData(12, 26, 9)]
    [InlineData(5, 35, 5)]
    public void Update_RealCloses_MatchesEmaDifference(int fast, int slow, int signal)
    {
        var closes = BtcBars.Closes(BtcBars.Hourly);
        var fastEma = EmaTests.Reference(closes, fast, start: slow - fast);
        var slowEma = EmaTests.Reference(closes, slow);
        var line = fastEma.Select((f, i) => f - slowEma[i]).ToArray();
        var signalLine = EmaTests.Reference(line, signal, start: slow - 1);
        var firstOutput = slow + signal - 2;
        for (var i = 0; i < firstOutput; i++) line[i] = double.NaN;
        var histogram = line.Select((l, i) => l - signalLine[i]).ToArray();

        Expect.SeriesNear(new Macd(fast, slow, signal).Run(closes), line, "line");
        Expect.SeriesNear(new Macd(fast, slow, signal).RunSelect(closes, m => m.Signal), signalLine, "signal");
        Expect.SeriesNear(new Macd(fast, slow, signal).RunSelect(closes, m => m.Histogram), histogram, "histogram");
    }
}
