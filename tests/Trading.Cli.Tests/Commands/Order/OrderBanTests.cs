using Shouldly;
using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Order;

/// <summary>A 418 ban from the exchange, in testnet mode against the simulator: one <c>error:</c> line, never a stack trace.</summary>
public sealed class OrderBanTests : IAsyncLifetime
{
    private readonly TempDirectory _dataDir = new();
    private readonly List<Candle> _candles = TestCandles.Generate(5);
    private BinanceSimulator _simulator = null!;
    private volatile bool _banOrders;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(_candles), new SimulatorOptions
        {
            RequestArrived = (method, path) =>
            {
                if (_banOrders && method == "POST" && path == "/api/v3/order") _simulator.Faults.Enqueue(HttpFault.Banned(120));
            },
        });
        await _simulator.StartAsync(Ct);
        await using var store = await TradingStoreFactory.OpenAsync(null, _dataDir.Path, Ct);
        await store.Candles.UpsertAsync(_candles, Ct);
    }

    private Dictionary<string, string?> Testnet => new()
    {
        ["TRADING_DATA_DIR"] = _dataDir.Path, ["DRY_RUN"] = "false", ["TRADING_MODE"] = "testnet",
        ["BINANCE_API_KEY"] = Binance.Simulator.Matching.SimulatorTradingOptions.TestApiKey,
        ["BINANCE_API_SECRET"] = Binance.Simulator.Matching.SimulatorTradingOptions.TestApiSecret,
        ["BINANCE_BASE_URL"] = _simulator.BaseUrl.ToString().TrimEnd('/'),
        ["BINANCE_WS_URL"] = _simulator.WebSocketUrl.ToString().TrimEnd('/'),
        ["BINANCE_WS_API_URL"] = _simulator.WebSocketApiUrl.ToString(),
    };

    [Fact]
    public async Task Buy_BannedAtStartUp_OneErrorLineExitOne()
    {
        _simulator.Faults.Enqueue(HttpFault.Banned(120));

        var result = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01"], Testnet, ct: Ct);

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.Where(l => !l.StartsWith("mode:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldStartWith("error: Binance has banned this IP");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Buy_OrderAnswered418_StoredRejectedOneErrorLineExitOne()
    {
        _banOrders = true;

        var result = await CliProcess.RunAsync(["order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01"], Testnet, ct: Ct);

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.Where(l => !l.StartsWith("mode:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain("REJECTED");
        result.Error.ShouldContain("banned");
        result.Error.ShouldNotContain("   at ");
        _simulator.Exchange.Orders.ShouldBeEmpty();
        await using var store = await TradingStoreFactory.ConnectAsync(null, _dataDir.Path, Ct);
        (await store.Orders.ListAsync(false, 10, Ct)).ShouldHaveSingleItem().Status.ShouldBe(OrderStatus.Rejected);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _dataDir.Dispose();
    }
}
