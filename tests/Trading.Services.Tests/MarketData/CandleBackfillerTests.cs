using Shouldly;
using Trading.Binance;
using Trading.Binance.Errors;
using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.Services.MarketData;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.MarketData;

public sealed class CandleBackfillerTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("backfill-").FullName;
    private readonly List<Candle> _candles = TestCandles.Generate(2500);
    private readonly HttpClient _http = new();
    private BinanceSimulator _simulator = null!;
    private Core.Storage.ITradingStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(_candles));
        await _simulator.StartAsync(Ct);
        _store = await TradingStoreFactory.OpenAsync(null, _dir, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        await _store.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private CandleBackfiller NewBackfiller() =>
        new(new BinanceMarketDataClient(_http, new BinanceClientOptions { BaseUrl = _simulator.BaseUrl }), _store.Candles);

    [Fact]
    public async Task RunAsync_WholeSpan_StoresEveryCandleOncePerPage()
    {
        var pages = new List<int>();

        var stored = await NewBackfiller().RunAsync(TestCandles.BtcUsdt, Timeframe.M1, _candles[0].OpenTimeMs, null,
            (page, _) => { pages.Add(page.Count); return ValueTask.CompletedTask; }, Ct);

        stored.ShouldBe(2500);
        pages.ShouldBe([1000, 1000, 500]);
        var rows = new List<Candle>();
        await foreach (var c in _store.Candles.ReadAsync(TestCandles.BtcUsdt, Timeframe.M1, 0, long.MaxValue, Ct)) rows.Add(c);
        rows.ShouldBe(_candles);
    }

    [Fact]
    public async Task RunAsync_MalformedSecondPage_FailsClearlyAndStoresNothingFromIt()
    {
        _simulator.Faults.Enqueue(new HttpFault(200, Times: 1)); // the server-time request passes
        _simulator.Faults.Enqueue(new HttpFault(200, Times: 1)); // the first page passes
        _simulator.Faults.Enqueue(HttpFault.MalformedBody());

        var error = await Should.ThrowAsync<BinanceMalformedResponseException>(() =>
            NewBackfiller().RunAsync(TestCandles.BtcUsdt, Timeframe.M1, _candles[0].OpenTimeMs, null, null, Ct));

        error.Message.ShouldContain("Malformed Binance klines payload");
        var summary = (await _store.Candles.ListSeriesAsync(Ct)).ShouldHaveSingleItem();
        summary.Count.ShouldBe(1000);
        summary.LastOpenTimeMs.ShouldBe(_candles[999].OpenTimeMs);
    }
}
