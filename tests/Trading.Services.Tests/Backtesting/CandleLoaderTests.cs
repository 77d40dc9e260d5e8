using Shouldly;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Backtesting;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Backtesting;

/// <summary>CandleLoader reads a range as two halves at once; the joined result must equal the range exactly.</summary>
public sealed class CandleLoaderTests : IAsyncLifetime
{
    private const long Minute = 60_000;
    private const int Stored = 200_001;
    private static readonly Symbol Btc = new("BTCUSDT");
    private readonly string _dir = Directory.CreateTempSubdirectory("candle-loader-").FullName;
    private ITradingStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = await TradingStoreFactory.OpenAsync(null, _dir, Ct);
        await _store.Candles.UpsertAsync(Enumerable.Range(0, Stored).Select(i => Bar(i)), Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task LoadAsync_WholeSeries_ReturnsEveryCandleOnceInTimeOrder()
    {
        var loaded = await CandleLoader.LoadAsync(_store.Candles, Btc, Timeframe.M1, 0, long.MaxValue, Ct);

        loaded.Length.ShouldBe(Stored);
        loaded.Select(c => c.OpenTimeMs).ShouldBe(Enumerable.Range(0, Stored).Select(i => i * Minute));
        loaded[77_777].ShouldBe(Bar(77_777));
    }

    [Theory]
    [InlineData(10, 11)]
    [InlineData(10, 12)]
    [InlineData(1, 150_000)]
    [InlineData(199_990, 300_000)]
    public async Task LoadAsync_PartOfTheSeries_ReturnsExactlyTheHalfOpenRange(int first, int end)
    {
        var loaded = await CandleLoader.LoadAsync(_store.Candles, Btc, Timeframe.M1, first * Minute, end * Minute, Ct);

        var expected = Enumerable.Range(first, Math.Min(end, Stored) - first).Select(i => i * Minute);
        loaded.Select(c => c.OpenTimeMs).ShouldBe(expected);
    }

    [Fact]
    public async Task LoadAsync_RangeWithoutCandles_ReturnsEmpty()
    {
        (await CandleLoader.LoadAsync(_store.Candles, Btc, Timeframe.M1, Stored * Minute, (Stored + 10) * Minute, Ct)).ShouldBeEmpty();
        (await CandleLoader.LoadAsync(_store.Candles, new Symbol("ETHUSDT"), Timeframe.M1, 0, long.MaxValue, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task LoadAsync_CandleWrittenBetweenCountingAndReading_ReturnsItToo()
    {
        var store = new WritesAfterFirstCount(_store.Candles, Bar(Stored + 5));

        var loaded = await CandleLoader.LoadAsync(store, Btc, Timeframe.M1, 0, long.MaxValue, Ct);

        loaded.Length.ShouldBe(Stored + 1);
        loaded[^1].ShouldBe(Bar(Stored + 5));
        loaded[^2].ShouldBe(Bar(Stored - 1));
    }

    private static Candle Bar(int i) => new(Btc, Timeframe.M1, i * Minute, 100m + (i % 7), 110m, 90m, 101m, 2.5m);

    /// <summary>The real store, with a concurrent writer's candle landing right after the loader's first count.</summary>
    private sealed class WritesAfterFirstCount(ICandleStore inner, Candle late) : DelegatingCandleStore(inner)
    {
        private int counted;

        public override async Task<long> CountAsync(Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct = default)
        {
            var count = await Inner.CountAsync(symbol, timeframe, fromMs, toMs, ct);
            if (Interlocked.Exchange(ref counted, 1) == 0) await Inner.UpsertAsync([late], ct);
            return count;
        }
    }
}
