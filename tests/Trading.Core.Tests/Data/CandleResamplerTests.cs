using Shouldly;
using Trading.Core.Data;
using Trading.Core.Model;

namespace Trading.Core.Tests.Data;

public class CandleResamplerTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private const long T0 = 1_704_067_200_000; // 2024-01-01 00:00 UTC

    private static Candle Minute(int minute, decimal open, decimal high, decimal low, decimal close, decimal volume) =>
        new Candle(Btc, Timeframe.M1, T0 + minute * 60_000L, open, high, low, close, volume) { QuoteVolume = volume * 10, TradeCount = 2 };

    [Fact]
    public void Resample_FiveMinutes_AggregatesOhlcvWithBinanceAlignment()
    {
        var minutes = new[]
        {
            Minute(0, 10, 12, 9, 11, 1), Minute(1, 11, 15, 10, 14, 2), Minute(4, 14, 14, 8, 9, 3), Minute(5, 9, 10, 9, 10, 4),
        };
        var result = CandleResampler.Resample(minutes, Timeframe.M5).ToList();

        result.Count.ShouldBe(2);
        result[0].Candle.ShouldBe(new Candle(Btc, Timeframe.M5, T0, 10, 15, 8, 9, 6) { QuoteVolume = 60, TradeCount = 6 });
        result[0].SourceCount.ShouldBe(3);
        result[0].IsPartial.ShouldBeTrue();
        result[1].Candle.OpenTimeMs.ShouldBe(T0 + 300_000);
        result[1].Candle.CloseTimeMs.ShouldBe(T0 + 599_999);
    }

    [Fact]
    public void Resample_SkipPartial_DropsIncompleteBuckets()
    {
        var minutes = Enumerable.Range(0, 7).Select(i => Minute(i, 10, 11, 9, 10, 1));
        var result = CandleResampler.Resample(minutes, Timeframe.M5, skipPartial: true).ToList();
        result.ShouldHaveSingleItem().Candle.OpenTimeMs.ShouldBe(T0);
    }

    [Fact]
    public void Add_OutOfOrderSource_Throws()
    {
        var resampler = new CandleResampler(Timeframe.H1);
        resampler.Add(Minute(5, 10, 11, 9, 10, 1));
        Should.Throw<InvalidCandleException>(() => resampler.Add(Minute(4, 10, 11, 9, 10, 1)));
    }

    [Fact]
    public void Add_TargetNotAMultiple_Throws()
    {
        var resampler = new CandleResampler(Timeframe.M1);
        Should.Throw<ArgumentException>(() => resampler.Add(Minute(0, 10, 11, 9, 10, 1)));
    }

    [Fact]
    public void Resample_Shared1mOf2023_EqualsBinance1hExceptTheHaltHour()
    {
        var from = new DateOnly(2023, 1, 1);
        var to = new DateOnly(2023, 12, 31);
        var resampled = CandleResampler.Resample(SharedKlines.Read(Timeframe.M1, from, to), Timeframe.H1).ToList();

        var report = CandleSeriesComparer.Compare(SharedKlines.Read(Timeframe.H1, from, to), resampled.Select(r => r.Candle));

        var halt = new DateTimeOffset(2023, 3, 24, 12, 0, 0, TimeSpan.Zero);
        report.Mismatches.ShouldBeEmpty(string.Join("\n", report.Mismatches.Take(5)));
        report.Matched.ShouldBe(8759); // 365 × 24 hours less the 13:00 hour Binance never produced.
        resampled.Where(r => r.IsPartial).Select(r => (r.Candle.OpenTime, r.SourceCount)).ShouldBe([(halt, 40)]);
        GapDetector.Find(resampled.Select(r => r.Candle.OpenTimeMs), Timeframe.H1)
            .ShouldHaveSingleItem().FirstMissing.ShouldBe(halt.AddHours(1));
    }
}
