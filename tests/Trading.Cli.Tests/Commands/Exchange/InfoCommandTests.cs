using System.Text.Json;
using Shouldly;
using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Exchange;

/// <summary><c>exchange info</c> against the in-process simulator: --refresh stores its exchangeInfo; without it the stored rules print.</summary>
public sealed class InfoCommandTests : IAsyncLifetime
{
    private static readonly Symbol Xyz = new("XYZUSDT");
    private readonly TempDirectory _dataDir = new();
    private BinanceSimulator _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(TestCandles.Generate(50)).Add(TestCandles.Generate(50, symbol: Xyz)));
        await _simulator.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _dataDir.Dispose();
    }

    private Task<CliProcess.Result> Run(params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", _dataDir.Path],
        new Dictionary<string, string?> { ["BINANCE_BASE_URL"] = _simulator.BaseUrl.ToString().TrimEnd('/') }, ct: Ct);

    [Fact]
    public async Task Refresh_AgainstSimulator_StoresFiltersEqualToTheSimulatorsWithTheFetchTime()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var result = await Run("exchange", "info", "--refresh");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldContain("stored the filters of 3 symbol(s)");
        result.Output.ShouldMatch(@"ETHUSDT\s*│\s*TRADING\s*│\s*ETH\s*│\s*USDT\s*│\s*0\.01\s*│\s*0\.01\s*│\s*1000000\s*│\s*0\.0001\s*│");
        await using var store = await TradingStoreFactory.ConnectAsync(null, _dataDir.Path, Ct);
        var stored = await store.SymbolFilters.ListAsync(Ct);
        stored.Select(s => s.Info).ShouldBe(_simulator.Symbols.OrderBy(s => s.Symbol.Name, StringComparer.Ordinal));
        stored.ShouldAllBe(s => s.FetchedAt >= before && s.FetchedAt <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Info_OneSymbolAsJsonAfterRefresh_PrintsTheStoredRules()
    {
        (await Run("exchange", "info", "--refresh", "--symbol", "XYZUSDT")).ExitCode.ShouldBe(0);

        var result = await Run("exchange", "info", "--symbol", "ethusdt", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var doc = JsonDocument.Parse(result.Output);
        var eth = doc.RootElement.EnumerateArray().ShouldHaveSingleItem();
        eth.GetProperty("symbol").GetString().ShouldBe("ETHUSDT");
        eth.GetProperty("stepSize").GetDecimal().ShouldBe(0.0001m);
        eth.GetProperty("tickSize").GetDecimal().ShouldBe(0.01m);
        eth.GetProperty("minNotional").GetDecimal().ShouldBe(5m);
        eth.GetProperty("baseAsset").GetString().ShouldBe("ETH");
    }

    [Fact]
    public async Task Info_NothingStored_SaysHowToFetchAndASymbolExitsOne()
    {
        var all = await Run("exchange", "info");
        var one = await Run("exchange", "info", "--symbol", "ETHUSDT");

        all.ExitCode.ShouldBe(0, all.Error);
        all.Output.ShouldContain("no filters stored: run `trading exchange info --refresh`");
        one.ExitCode.ShouldBe(1);
        one.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: no filters stored for ETHUSDT");
    }

    [Fact]
    public async Task Refresh_SymbolTheExchangeDoesNotList_OneErrorLineExitOne()
    {
        var result = await Run("exchange", "info", "--refresh", "--symbol", "DOGEUSDT");

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.Last().ShouldBe("error: the exchange does not list DOGEUSDT");
    }

    [Fact]
    public async Task Info_BadSymbol_OneErrorLineExitTwo()
    {
        var result = await Run("exchange", "info", "--symbol", "bad-symbol!");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: invalid symbol");
    }
}
