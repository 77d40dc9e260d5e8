using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Core.Strategies.BuiltIn;
using Trading.Services.Backtesting;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Backtesting;

/// <summary>Which filters a backtest trades with: --filters, then stored, then the shipped snapshot, then derived with one warning.</summary>
public sealed class BacktestFiltersTests : IAsyncLifetime
{
    private static readonly Symbol Eth = new("ETHUSDT");
    private static readonly Symbol Unknown = new("XYZUSDT");
    private readonly TempDirectory _dir = new();
    private ITradingStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _store = await TradingStoreFactory.OpenAsync(null, _dir.Path, Ct);

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>A random walk around 2,100 with two-decimal prices, as ETHUSDT trades.</summary>
    private static Candle[] Series(Symbol symbol) =>
        [.. TestCandles.Generate(3_000, symbol: symbol).Select(c => c with { Open = c.Open / 20m, High = c.High / 20m, Low = c.Low / 20m, Close = c.Close / 20m })
            .Select(c => c with { Open = Math.Round(c.Open, 2), High = Math.Round(c.High, 2), Low = Math.Round(c.Low, 2), Close = Math.Round(c.Close, 2) })];

    private BacktestRequest Request(Symbol symbol, FilterOverride? filters = null) => new()
    {
        Strategy = "rsi", Symbol = symbol, FromMs = TestCandles.Start, ToMs = TestCandles.Start + 3_000 * 60_000L,
        Parameters = new Dictionary<string, string> { ["period"] = "7", ["quantity"] = "0.12345" },
        FilterOverride = filters,
    };

    private async Task<PreparedBacktest> PrepareAsync(BacktestRequest request)
    {
        await _store.Candles.UpsertAsync(Series(request.Symbol), Ct);
        return await new BacktestService(_store, BuiltInStrategies.CreateRegistry()).PrepareAsync(request, Ct);
    }

    [Fact]
    public async Task PrepareAsync_EthUsdtWithNothingStored_FillsAreMultiplesOfEthsStep()
    {
        var prepared = await PrepareAsync(Request(Eth));

        var result = new BacktestEngine().Run(prepared.Strategy, prepared.Data, prepared.Settings, ct: Ct);

        prepared.Filters.Source.ShouldBe("the shipped snapshot");
        prepared.Filters.Warning.ShouldBeNull();
        prepared.Settings.Filters.StepSize.ShouldBe(0.0001m);
        result.Fills.ShouldNotBeEmpty();
        result.Fills.ShouldAllBe(f => f.Quantity % 0.0001m == 0m);
        result.Fills.ShouldContain(f => f.Quantity == 0.1234m); // the strategy asked 0.12345; BTCUSDT's step would have kept it
    }

    [Fact]
    public async Task PrepareAsync_StoredFilters_WinOverTheSnapshot()
    {
        var stored = new SymbolFilters { TickSize = 0.1m, MinPrice = 0.1m, StepSize = 0.01m, MinQuantity = 0.01m, MinNotional = 1m };
        await _store.SymbolFilters.SaveAsync([new SymbolInfo(Eth, "ETH", "USDT", "TRADING", stored)], DateTimeOffset.FromUnixTimeMilliseconds(TestCandles.Start), Ct);

        var prepared = await PrepareAsync(Request(Eth));

        prepared.Settings.Filters.ShouldBe(stored);
        prepared.Filters.Source.ShouldStartWith("exchangeInfo fetched 2024-01-01 00:00");
    }

    [Fact]
    public async Task PrepareAsync_SymbolWithNoFilters_WarnsOnceAndUsesTheDerivedTick()
    {
        var prepared = await PrepareAsync(Request(Unknown));

        prepared.Settings.Filters.ShouldBe(DerivedFilters.FromCandles(prepared.Data.Candles.Span, "USDT"));
        prepared.Settings.Filters.TickSize.ShouldBe(0.01m);
        prepared.Settings.Filters.StepSize.ShouldBe(0.0001m);
        prepared.Filters.Warning.ShouldNotBeNull();
        prepared.Filters.Warning.ShouldStartWith("warning: no exchange filters known for XYZUSDT");
        prepared.Filters.Warning.ShouldContain("tick 0.01");
        prepared.Filters.Warning.ShouldNotContain("\n");
    }

    [Fact]
    public async Task PrepareAsync_CompleteOverride_WinsWithoutWarning()
    {
        var prepared = await PrepareAsync(Request(Unknown, new FilterOverride(0.5m, 0.1m, 0m)));

        prepared.Filters.Warning.ShouldBeNull();
        prepared.Filters.Source.ShouldBe("--filters");
        prepared.Settings.Filters.ShouldBe(new SymbolFilters { TickSize = 0.5m, MinPrice = 0.5m, StepSize = 0.1m, MinQuantity = 0.1m });
    }

    [Fact]
    public async Task PrepareAsync_PartialOverride_ReplacesItsRuleInTheSnapshotFilters()
    {
        var prepared = await PrepareAsync(Request(Eth, new FilterOverride(null, 0.001m, null)));

        prepared.Settings.Filters.StepSize.ShouldBe(0.001m);
        prepared.Settings.Filters.TickSize.ShouldBe(0.01m);
        prepared.Settings.Filters.MinNotional.ShouldBe(5m);
        prepared.Filters.Source.ShouldBe("the shipped snapshot with --filters");
    }
}
