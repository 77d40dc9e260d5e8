using Shouldly;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Import;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Import;

/// <summary>A data.binance.vision futures/um kline zip (its CSV opens with a header) imports into the usdm series, apart from spot.</summary>
public sealed class UsdmKlineImportTests : IAsyncLifetime
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private readonly TempDirectory _dir = new();
    private ITradingStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _store = await TradingStoreFactory.OpenAsync(null, _dir.Path, Ct);

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task ImportAsync_FuturesZipWithHeader_StoresEveryRowInTheUsdmSeriesOnly()
    {
        var spotZip = Path.Combine(RepoPaths.BtcUsdt1mDir, "BTCUSDT-1m-2024-01-01.zip");
        var futuresZip = FuturesFiles.WriteKlineZip(_dir.Path, "2024-01-01", 1.001m);
        await new CandleImporter(_store.Candles, TimeProvider.System).ImportAsync([spotZip], ct: Ct);

        var summary = await new CandleImporter(_store.CandlesOf(MarketType.Usdm), TimeProvider.System).ImportAsync([futuresZip], ct: Ct);

        summary.RowsWritten.ShouldBe(1440);
        summary.RowsSkipped.ShouldBe(0);
        summary.Problems.ShouldBeEmpty();
        var spot = await ReadAsync(_store.Candles);
        var futures = await ReadAsync(_store.CandlesOf(MarketType.Usdm));
        futures.Count.ShouldBe(1440);
        futures.Select(c => c.OpenTimeMs).ShouldBe(spot.Select(c => c.OpenTimeMs));
        futures.Zip(spot).ShouldAllBe(p => p.First.Close == p.Second.Close * 1.001m && p.First.Volume == p.Second.Volume && p.First.TradeCount == p.Second.TradeCount);
        (await _store.CandlesOf(MarketType.Usdm).ListSeriesAsync(Ct)).ShouldHaveSingleItem().Market.ShouldBe(MarketType.Usdm);
        (await _store.Candles.ListSeriesAsync(Ct)).ShouldHaveSingleItem().Count.ShouldBe(1440);
    }

    private static async Task<List<Candle>> ReadAsync(ICandleStore candles)
    {
        var list = new List<Candle>();
        await foreach (var candle in candles.ReadAsync(Btc, Timeframe.M1, long.MinValue, long.MaxValue, Ct)) list.Add(candle);
        return list;
    }
}
