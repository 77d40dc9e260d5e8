using Shouldly;
using Trading.Binance.Simulator;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Data;

public sealed class MarketDataCommandTests : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("trading-cli-md-").FullName;
    private readonly List<Core.Model.Candle> _candles = TestCandles.Generate(1500, Core.Model.Timeframe.H1);
    private BinanceSimulator _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(_candles));
        await _simulator.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    private Task<CliProcess.Result> Run(params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", _dataDir],
        new Dictionary<string, string?>
        {
            ["BINANCE_BASE_URL"] = _simulator.BaseUrl.ToString().TrimEnd('/'),
            ["BINANCE_WS_URL"] = _simulator.WebSocketUrl.ToString().TrimEnd('/'),
        }, ct: Ct);

    [Fact]
    public async Task History_SpanOnSimulator_StoresEveryCandleAndListsIt()
    {
        var result = await Run("data", "history", "--symbol", "BTCUSDT", "--timeframe", "1h", "--from", "2024-01-01", "--to", "2024-03-01");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("BTCUSDT 1h: stored 1,441 candle(s) from 2024-01-01 00:00 to 2024-03-01 00:00");
        var list = await Run("data", "list");
        list.Output.ShouldMatch(@"BTCUSDT\s*│\s*1h\s*│\s*1,441\s*│\s*2024-01-01 00:00\s*│\s*2024-03-01 00:00\s*│\s*0\s");
        _simulator.Requests.Count("/api/v3/klines").ShouldBe(2);
    }

    [Fact]
    public async Task Simulate_FromTheHistoryStore_ServesItsCandlesAgain()
    {
        var history = await Run("data", "history", "--symbol", "BTCUSDT", "--timeframe", "1h", "--from", "2024-01-01", "--to", "2024-01-02");
        history.ExitCode.ShouldBe(0, history.Error);
        await using var store = await Storage.TradingStoreFactory.ConnectAsync(null, _dataDir, Ct);

        var served = await SimulatedMarket.ReadStoreAsync(store.Candles, Ct);

        served.ShouldBe(_candles.Take(25));
        await using var second = new BinanceSimulator(new SimulatedMarket().Add(served));
        (await second.StartAsync(Ct)).Port.ShouldBeGreaterThan(0);
        second.Market.Get(TestCandles.BtcUsdt, Core.Model.Timeframe.H1).ClosedCandles.Count.ShouldBe(25);
    }

    [Fact]
    public async Task History_FromAfterTo_OneLineErrorAndExit2()
    {
        var result = await Run("data", "history", "--symbol", "BTCUSDT", "--timeframe", "1h", "--from", "2024-02-01", "--to", "2024-01-01");

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().ShouldBe("error: --from 2024-02-01 00:00 is after --to 2024-01-01 00:00");
        _simulator.Requests.All.ShouldBeEmpty();
    }

    [Fact]
    public async Task History_UnknownSymbol_ReportsBinanceInvalidSymbolAndStoresNothing()
    {
        var result = await Run("data", "history", "--symbol", "NOPEUSDT", "--timeframe", "1h", "--from", "2024-01-01");

        result.ExitCode.ShouldBe(1);
        result.Error.Trim().ShouldBe("error: Binance rejected the request: Invalid symbol. (code -1121, HTTP 400).");
    }

    [Fact]
    public async Task Collect_UnknownTimeframe_OneLineErrorAndExit2()
    {
        var result = await Run("data", "collect", "--symbol", "BTCUSDT", "--timeframe", "7m");

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().ShouldStartWith("error: unknown timeframe '7m'");
        _simulator.TotalStreamConnections.ShouldBe(0);
    }

    [Fact]
    public async Task Collect_UnknownSymbolOnExchange_StopsWithInvalidSymbolError()
    {
        var result = await Run("data", "collect", "--symbol", "NOPEUSDT", "--timeframe", "1h");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("error: Binance rejected the request: Invalid symbol. (code -1121, HTTP 400).");
    }

    [Fact]
    public async Task History_RangeWithoutCandles_SaysNothingStoredAndExitsOne()
    {
        var result = await Run("data", "history", "--symbol", "BTCUSDT", "--timeframe", "1h", "--from", "2030-01-01", "--to", "2030-01-02");

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("nothing stored");
    }

    [Fact]
    public async Task History_WithoutTimeframe_Uses1m()
    {
        var result = await Run("data", "history", "--symbol", "BTCUSDT", "--from", "2030-01-01", "--to", "2030-01-02");

        result.Error.ShouldContain("BTCUSDT 1m");
        result.Error.ShouldNotContain("--timeframe");
    }
}
