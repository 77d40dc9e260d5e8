using Shouldly;
using Trading.Core.Model;

namespace Trading.Core.Tests.Model;

public class CandleTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private const long T0 = 1_704_067_200_000; // 2024-01-01 00:00 UTC

    [Fact]
    public void Create_ValidBar_SetsCloseTimeToLastMillisecond()
    {
        var candle = Candle.Create(Btc, Timeframe.M1, T0, 100m, 110m, 95m, 105m, 3m);
        candle.CloseTimeMs.ShouldBe(T0 + 59_999);
    }

    [Theory]
    [InlineData(0, 110, 95, 105, 3, "prices must be positive")]
    [InlineData(100, 90, 95, 92, 3, "high 90 is below low 95")]
    [InlineData(100, 104, 95, 105, 3, "below max(open, close)")]
    [InlineData(100, 110, 101, 105, 3, "above min(open, close)")]
    [InlineData(100, 110, 95, 105, -1, "volume -1 is negative")]
    public void Create_CorruptBar_ThrowsWithReason(double open, double high, double low, double close, double volume, string reason)
    {
        var error = Should.Throw<InvalidCandleException>(() =>
            Candle.Create(Btc, Timeframe.M1, T0, (decimal)open, (decimal)high, (decimal)low, (decimal)close, (decimal)volume));
        error.Message.ShouldContain(reason);
        error.Message.ShouldContain("BTCUSDT 1m");
    }

    [Fact]
    public void Create_MisalignedOpenTime_Throws()
    {
        Should.Throw<InvalidCandleException>(() => Candle.Create(Btc, Timeframe.H1, T0 + 60_000, 1m, 1m, 1m, 1m, 0m))
            .Message.ShouldContain("not aligned to 1h");
    }
}
