using Trading.TestInfrastructure;
using Shouldly;
using Trading.Binance.Errors;
using Trading.Core.Model;

using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Tests;

public sealed class BinanceMarketDataClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StreamKlinesAsync_SpanOf2500Bars_ReturnsAllRowsInOrderIn1000RowPages()
    {
        var candles = TestCandles.Generate(2500);
        await using var sim = await SimulatorHarness.StartAsync(candles);

        var pages = new List<IReadOnlyList<Candle>>();
        await foreach (var page in sim.Client.StreamKlinesAsync(TestCandles.BtcUsdt, Timeframe.M1, candles[0].OpenTimeMs, candles[^1].OpenTimeMs, Ct))
            pages.Add(page);

        pages.Select(p => p.Count).ShouldBe([1000, 1000, 500]);
        pages.SelectMany(p => p).ShouldBe(candles);
        sim.Simulator.Requests.Count("/api/v3/klines").ShouldBe(3);
    }

    [Fact]
    public async Task StreamKlinesAsync_ToBeforeTheEnd_StopsAtTo()
    {
        var candles = TestCandles.Generate(50);
        await using var sim = await SimulatorHarness.StartAsync(candles);

        var rows = new List<Candle>();
        await foreach (var page in sim.Client.StreamKlinesAsync(TestCandles.BtcUsdt, Timeframe.M1, candles[10].OpenTimeMs - 1, candles[19].OpenTimeMs, Ct))
            rows.AddRange(page);

        rows.ShouldBe(candles.Skip(10).Take(10));
    }

    [Fact]
    public async Task StreamKlinesAsync_FromAfterTheLastBar_ReturnsNothing()
    {
        var candles = TestCandles.Generate(5);
        await using var sim = await SimulatorHarness.StartAsync(candles);

        var pages = new List<IReadOnlyList<Candle>>();
        await foreach (var page in sim.Client.StreamKlinesAsync(TestCandles.BtcUsdt, Timeframe.M1, candles[^1].OpenTimeMs + 60_000, null, Ct))
            pages.Add(page);

        pages.ShouldBeEmpty();
        sim.Simulator.Requests.All.ShouldAllBe(r => r.Status == 200);
    }

    [Fact]
    public async Task GetKlinesAsync_UnknownSymbol_ThrowsInvalidSymbolApiException()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(10));

        var error = await Should.ThrowAsync<BinanceApiException>(() =>
            sim.Client.GetKlinesAsync(new Symbol("NOPEUSDT"), Timeframe.M1, null, null, ct: Ct));

        error.Code.ShouldBe(BinanceApiException.InvalidSymbol);
        error.HttpStatus.ShouldBe(400);
        error.Message.ShouldContain("Invalid symbol.");
        sim.Simulator.Requests.Count("/api/v3/klines").ShouldBe(1);
    }

    [Fact]
    public async Task GetSymbolInfoAsync_BtcUsdt_MapsRealFilters()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(10));

        var info = await sim.Client.GetSymbolInfoAsync(TestCandles.BtcUsdt, Ct);
        var eth = await sim.Client.GetSymbolInfoAsync(new Symbol("ETHUSDT"), Ct);

        info.IsTrading.ShouldBeTrue();
        info.BaseAsset.ShouldBe("BTC");
        info.Filters.TickSize.ShouldBe(0.01m);
        info.Filters.StepSize.ShouldBe(0.00001m);
        info.Filters.MinQuantity.ShouldBe(0.00001m);
        info.Filters.MinNotional.ShouldBe(5m);
        eth.Filters.StepSize.ShouldBe(0.0001m);
        sim.Simulator.Requests.Count("/api/v3/exchangeInfo").ShouldBe(1, "exchangeInfo is cached");
    }

    [Fact]
    public async Task GetSymbolInfoAsync_UnknownSymbol_ThrowsInvalidSymbol()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(10));

        var error = await Should.ThrowAsync<BinanceApiException>(() => sim.Client.GetSymbolInfoAsync(new Symbol("NOPEUSDT"), Ct));

        error.Code.ShouldBe(-1121);
    }

    [Fact]
    public async Task GetServerTimeAsync_Simulator_ReturnsItsClockAndPingWorks()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(10));

        await sim.Client.PingAsync(Ct);
        var serverTime = await sim.Client.GetServerTimeAsync(Ct);
        var offset = await sim.Client.GetClockOffsetAsync(Ct);

        (DateTimeOffset.UtcNow - serverTime).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1));
        offset.Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1));
    }
}
