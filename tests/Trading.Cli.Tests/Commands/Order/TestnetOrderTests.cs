using Shouldly;
using Trading.Binance.Orders;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Model;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.Commands.Order;

/// <summary>
/// `trading order buy` in testnet against the simulator on a fresh store (no candles): a market order is priced from the
/// exchange's book ticker, and an order the exchange rejects prints the exchange's reason, exits non-zero and is never SUBMITTED.
/// </summary>
public sealed class TestnetOrderTests : IAsyncLifetime
{
    private const int HistoryBars = 10;
    private readonly TempDirectory _dir = new();
    private BinanceSimulator _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataDir => Path.Combine(_dir.Path, "data");

    /// <summary>Ten bars of history set the simulator's price; the replay never starts, as nothing listens to the kline stream.</summary>
    public async ValueTask InitializeAsync()
    {
        var candles = TestCandles.Generate(HistoryBars + 5);
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[HistoryBars].OpenTimeMs));
        await _simulator.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _dir.Dispose();
    }

    private Dictionary<string, string?> Testnet => new(RunningCliWait.SimulatorEnvironment(_simulator, Path.Combine(_dir.Path, "config")))
    {
        ["TRADING_DATA_DIR"] = DataDir, ["TRADING_MODE"] = "testnet", ["DRY_RUN"] = "false",
        ["BINANCE_API_KEY"] = SimulatorTradingOptions.TestApiKey, ["BINANCE_API_SECRET"] = SimulatorTradingOptions.TestApiSecret,
    };

    private Task<CliProcess.Result> Run(params string[] args) => CliProcess.RunAsync(args, Testnet, _dir.Path, Ct);

    [Fact]
    public async Task Buy_TestnetMarketOrderOnAFreshStore_PricedFromTheBookTickerAndFilled()
    {
        var buy = await Run("order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01");

        buy.ExitCode.ShouldBe(0, buy.Error);
        buy.Output.ShouldMatch(@"order \S+ BUY 0\.01 BTCUSDT MARKET: FILLED, filled 0\.01 @ ");
        var placed = _simulator.Exchange.Orders.Where(o => o.Side == OrderSide.Buy).ShouldHaveSingleItem();
        placed.Status.ShouldBe("FILLED");
        var stop = _simulator.Exchange.Orders.Where(o => o.Side == OrderSide.Sell).ShouldHaveSingleItem("the 2 % stop (RISK_STOP_LOSS_PCT's default) held at the exchange");
        stop.TypeName.ShouldBe("STOP_LOSS");
        stop.Quantity.ShouldBe(0.00999m);
        _simulator.Requests.Count("/api/v3/ticker/bookTicker").ShouldBe(1);
        await using var store = await TradingStoreFactory.ConnectAsync(null, DataDir, Ct);
        (await store.Candles.GetLatestAsync(TestCandles.BtcUsdt, Timeframe.M1, Ct)).ShouldBeNull("the price came from the exchange, not from stored candles");
        var order = (await store.Orders.ListAsync(limit: 10, ct: Ct)).Where(o => o.Side == OrderSide.Buy).ShouldHaveSingleItem();
        order.Status.ShouldBe(OrderStatus.Filled);
        order.AverageFillPrice.ShouldBe(placed.Trades.Sum(t => t.Price * t.Quantity) / placed.Trades.Sum(t => t.Quantity));
    }

    [Fact]
    public async Task Buy_ExchangeFindsTheBalanceLocked_RejectedWithTheExchangeReasonExit1NeverSubmitted()
    {
        // An order placed outside the platform locks 9,800 of the 10,000 USDT: the store's account (reconciled by total) still
        // sees the cash, the risk gate lets a 420 USDT buy through, and the exchange answers -2010.
        using var http = new HttpClient();
        var foreign = await new BinanceTradingClient(http, new BinanceCredentials(SimulatorTradingOptions.TestApiKey, SimulatorTradingOptions.TestApiSecret),
            new BinanceTradingOptions { BaseUrl = _simulator.BaseUrl }).PlaceOrderAsync(
            new NewOrderRequest(TestCandles.BtcUsdt, OrderSide.Buy, OrderType.Limit, 0.245m, "foreign-1", 40_000m), Ct);
        foreign.Outcome.ShouldBe(PlacementOutcome.Placed, foreign.Reason);

        var buy = await Run("order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01");
        var list = await Run("order", "list");
        var json = await Run("order", "list", "--json");

        buy.ExitCode.ShouldBe(1, buy.Output);
        buy.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldMatch(@"(?i)^error: order \S+ REJECTED: .*insufficient balance.*-2010");
        buy.Output.ShouldNotContain("SUBMITTED");
        list.ExitCode.ShouldBe(0, list.Error);
        list.Output.ShouldMatch(@"REJECTED: .*-2010");
        json.Output.ShouldContain("\"reason\"");
        json.Output.ShouldContain("-2010");
        _simulator.Exchange.Orders.ShouldHaveSingleItem("only the foreign order is at the exchange").ClientOrderId.ShouldBe("foreign-1");
    }

    [Fact]
    public async Task Buy_PriceOffTheTick_DeniedWithTheFilterReasonAndNothingSent()
    {
        var buy = await Run("order", "buy", "--symbol", "BTCUSDT", "--quantity", "0.01", "--price", "41000.005");

        buy.ExitCode.ShouldBe(1, buy.Output);
        buy.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain("not a multiple of the tick size");
        _simulator.Exchange.PlacementRequests.ShouldBe(0);
    }
}
