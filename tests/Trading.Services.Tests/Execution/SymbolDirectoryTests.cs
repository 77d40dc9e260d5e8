using Shouldly;
using Trading.Binance.Filters;
using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.Services.Configuration;
using Trading.Services.Execution;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Execution;

/// <summary>The executor's filters: fetched from exchangeInfo in testnet/live, stored or shipped in paper and dry-run.</summary>
public sealed class SymbolDirectoryTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly Symbol Eth = new("ETHUSDT");
    private static readonly Symbol Sol = new("SOLUSDT");
    private static readonly Symbol Xyz = new("XYZUSDT");

    private static TradingSettings Settings(ExecutionHarness h, string baseUrl) =>
        h.Settings with { BinanceBaseUrl = baseUrl, Symbols = [new SymbolConfig("SOLUSDT", ["1m"]), new SymbolConfig("XYZUSDT", ["1m"])] };

    [Theory]
    [InlineData(ExecutionMode.Testnet)]
    [InlineData(ExecutionMode.Live)]
    public async Task ForModeAsync_TestnetOrLive_TakesAndStoresTheExchangesFiltersAndDropsUnlistedSymbols(ExecutionMode mode)
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var candles = TestCandles.Generate(20).Concat(TestCandles.Generate(20, symbol: Xyz));
        await using var sim = new BinanceSimulator(new SimulatedMarket().Add(candles));
        await sim.StartAsync(h.Token);

        var filters = await SymbolDirectory.ForModeAsync(Settings(h, sim.BaseUrl.ToString()), mode, h.Store, h.Clock, h.Token);

        filters.Keys.ShouldBe([Btc, Eth, Xyz], ignoreOrder: true); // the simulator does not list SOLUSDT
        filters[Xyz].ShouldBe(OfflineSymbols.Generic(Xyz).Filters);
        filters[Eth].ShouldBe(OfflineSymbols.EthUsdt.Filters);
        var stored = await h.Store.SymbolFilters.ListAsync(h.Token);
        stored.Select(s => s.Info).ShouldBe(sim.Symbols, ignoreOrder: true);
        stored.ShouldAllBe(s => s.FetchedAt == h.Clock.GetUtcNow());
    }

    [Theory]
    [InlineData(ExecutionMode.Paper)]
    [InlineData(ExecutionMode.DryRun)]
    public async Task ForModeAsync_PaperOrDryRun_StoredThenShippedThenGeneric(ExecutionMode mode)
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var stored = new SymbolFilters { TickSize = 0.5m, MinPrice = 0.5m, StepSize = 0.1m, MinQuantity = 0.1m, MinNotional = 1m };
        await h.Store.SymbolFilters.SaveAsync([new SymbolInfo(Eth, "ETH", "USDT", "TRADING", stored)], h.Clock.GetUtcNow(), h.Token);

        var filters = await SymbolDirectory.ForModeAsync(Settings(h, "http://127.0.0.1:1"), mode, h.Store, h.Clock, h.Token);

        filters.Keys.ShouldBe([Btc, Eth, Sol, Xyz], ignoreOrder: true);
        filters[Eth].ShouldBe(stored);
        filters[Sol].ShouldBe(SpotFilterSnapshot.Find(Sol)!.Filters);
        filters[Sol].StepSize.ShouldBe(0.001m);
        filters[Xyz].ShouldBe(OfflineSymbols.Generic(Xyz).Filters);
    }
}
