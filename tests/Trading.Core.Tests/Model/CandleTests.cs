using System.Runtime.CompilerServices;
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

    [Fact]
    public void Layout_HoldsNoReferenceAndPacksInto128Bytes()
    {
        RuntimeHelpers.IsReferenceOrContainsReferences<Candle>().ShouldBeFalse();
        Unsafe.SizeOf<Candle>().ShouldBe(128);
    }

    [Fact]
    public void OptionalFields_RoundTripNullAndValuesIndependently()
    {
        var bare = new Candle(Btc, Timeframe.H4, T0, 1m, 2m, 0.5m, 1.5m, 7m);
        bare.QuoteVolume.ShouldBeNull();
        bare.TradeCount.ShouldBeNull();
        bare.Symbol.ShouldBe(Btc);
        bare.Timeframe.ShouldBe(Timeframe.H4);

        var full = bare with { QuoteVolume = 0m, TradeCount = 42 };
        full.QuoteVolume.ShouldBe(0m);
        full.TradeCount.ShouldBe(42);
        full.ShouldNotBe(bare);

        var quoteOnly = full with { TradeCount = null };
        quoteOnly.QuoteVolume.ShouldBe(0m);
        quoteOnly.TradeCount.ShouldBeNull();
        (quoteOnly with { QuoteVolume = null }).ShouldBe(bare);
    }

    [Fact]
    public void Equality_ComparesSymbolTimeframeAndEveryField()
    {
        var a = new Candle(new Symbol("ETHUSDT"), Timeframe.M5, T0, 1m, 2m, 0.5m, 1.5m, 7m) { QuoteVolume = 10m, TradeCount = 3 };
        var b = new Candle(Symbol.Parse("ethusdt"), Timeframe.Parse("5m"), T0, 1m, 2m, 0.5m, 1.5m, 7m) { QuoteVolume = 10m, TradeCount = 3 };
        b.ShouldBe(a);
        b.GetHashCode().ShouldBe(a.GetHashCode());
        (a with { Symbol = Btc }).ShouldNotBe(a);
        (a with { Timeframe = Timeframe.M15 }).ShouldNotBe(a);
        (a with { TradeCount = 4 }).ShouldNotBe(a);
        var (symbol, timeframe, openTime, _, _, _, close, _) = a;
        (symbol, timeframe, openTime, close).ShouldBe((new Symbol("ETHUSDT"), Timeframe.M5, T0, 1.5m));
    }

    [Fact]
    public void FindProblem_DefaultSymbol_ReportsMissingSymbol()
    {
        new Candle(default, Timeframe.M1, T0, 1m, 1m, 1m, 1m, 0m).FindProblem().ShouldBe("missing symbol");
    }
}
