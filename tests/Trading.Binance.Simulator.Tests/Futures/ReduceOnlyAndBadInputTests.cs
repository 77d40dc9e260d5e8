using Shouldly;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using static Trading.Binance.Simulator.Tests.Futures.FuturesSim;

namespace Trading.Binance.Simulator.Tests.Futures;

/// <summary>Refusals with Binance's futures codes, each leaving the account, positions, orders and settings as they were.</summary>
public sealed class ReduceOnlyAndBadInputTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;

    private static async Task<Trading.TestInfrastructure.Binance.TradingHarness> LongAsync(bool hedge)
    {
        var candles = TestCandles.Generate(6);
        var h = await StartAsync(candles, candles[^1].OpenTimeMs);
        await SetUpAsync(h, hedge, leverage: 5);
        await MarketAsync(h, "BUY", 0.01m, hedge ? "&positionSide=LONG" : "");
        return h;
    }

    [Fact]
    public async Task ReduceOnlySell_LargerThanTheLong_RefusedWith2022AndNothingChanges()
    {
        await using var h = await LongAsync(hedge: false);
        var wallet = h.Simulator.Futures.WalletBalance;
        var orders = h.Simulator.Futures.Orders.Count;

        var code = await RefusedAsync(h, Post, "/fapi/v1/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.02&reduceOnly=true");
        var sameWay = await RefusedAsync(h, Post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&reduceOnly=true");

        code.ShouldBe(-2022);
        sameWay.ShouldBe(-2022, "a reduce-only buy cannot reduce a long");
        h.Simulator.Futures.Positions.ShouldHaveSingleItem().Amount.ShouldBe(0.01m);
        h.Simulator.Futures.WalletBalance.ShouldBe(wallet);
        h.Simulator.Futures.Orders.Count.ShouldBe(orders);
        var close = await MarketAsync(h, "SELL", 0.01m, "&reduceOnly=true");
        close.GetProperty("status").GetString().ShouldBe("FILLED");
        h.Simulator.Futures.Positions.ShouldBeEmpty();
    }

    [Fact]
    public async Task HedgeModeClose_LargerThanTheLong_RefusedWith2022()
    {
        await using var h = await LongAsync(hedge: true);

        var code = await RefusedAsync(h, Post, "/fapi/v1/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.02&positionSide=LONG");
        var reduceOnlyInHedge = await RefusedAsync(h, Post, "/fapi/v1/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.01&positionSide=LONG&reduceOnly=true");

        code.ShouldBe(-2022);
        reduceOnlyInHedge.ShouldBe(-1106);
        h.Simulator.Futures.Position(Btc, PositionSide.Long)!.Amount.ShouldBe(0.01m);
        h.Simulator.Futures.Position(Btc, PositionSide.Short).ShouldBeNull();
    }

    [Fact]
    public async Task OneWayOrderWithoutReduceOnly_LargerThanTheLong_FlipsToAShort()
    {
        await using var h = await LongAsync(hedge: false);

        await MarketAsync(h, "SELL", 0.03m);

        h.Simulator.Futures.Positions.ShouldHaveSingleItem().Amount.ShouldBe(-0.02m);
    }

    [Fact]
    public async Task Leverage_AboveTheSymbolsBracket_RefusedWith4028AndLeverageUnchanged()
    {
        await using var h = await LongAsync(hedge: false);

        var code = await RefusedAsync(h, Post, "/fapi/v1/leverage", "symbol=BTCUSDT&leverage=126");
        var zero = await RefusedAsync(h, Post, "/fapi/v1/leverage", "symbol=BTCUSDT&leverage=0");

        code.ShouldBe(-4028);
        zero.ShouldBe(-4028);
        h.Simulator.Futures.Leverage(Btc).ShouldBe(5);
    }

    [Fact]
    public async Task MarginType_ChangeWithAnOpenPosition_RefusedWith4048AndStillIsolated()
    {
        await using var h = await LongAsync(hedge: false);

        var code = await RefusedAsync(h, Post, "/fapi/v1/marginType", "symbol=BTCUSDT&marginType=CROSSED");
        var same = await RefusedAsync(h, Post, "/fapi/v1/marginType", "symbol=BTCUSDT&marginType=ISOLATED");
        var dual = await RefusedAsync(h, Post, "/fapi/v1/positionSide/dual", "dualSidePosition=true");

        code.ShouldBe(-4048);
        same.ShouldBe(-4046);
        dual.ShouldBe(-4068);
        h.Simulator.Futures.IsIsolated(Btc).ShouldBeTrue();
        h.Simulator.Futures.DualSidePosition.ShouldBeFalse();
    }

    [Theory]
    [InlineData("POST", "/fapi/v1/order", "symbol=ETHUSDT&side=BUY&type=MARKET&quantity=0.01")]
    [InlineData("POST", "/fapi/v1/leverage", "symbol=ETHUSDT&leverage=2")]
    [InlineData("POST", "/fapi/v1/marginType", "symbol=ETHUSDT&marginType=ISOLATED")]
    [InlineData("GET", "/fapi/v2/positionRisk", "symbol=ETHUSDT")]
    [InlineData("GET", "/fapi/v1/leverageBracket", "symbol=ETHUSDT")]
    public async Task SignedEndpoint_UnknownFuturesSymbol_RefusedWith1121AndNothingChanges(string method, string path, string parameters)
    {
        await using var h = await LongAsync(hedge: false);
        var wallet = h.Simulator.Futures.WalletBalance;

        var code = await RefusedAsync(h, new HttpMethod(method), path, parameters);

        code.ShouldBe(-1121);
        h.Simulator.Futures.WalletBalance.ShouldBe(wallet);
        h.Simulator.Futures.Orders.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PublicEndpoint_UnknownFuturesSymbol_RefusedWith1121()
    {
        await using var h = await LongAsync(hedge: false);

        using var premium = await h.Http.GetAsync(new Uri(h.Simulator.BaseUrl, "/fapi/v1/premiumIndex?symbol=ETHUSDT"), TestContext.Current.CancellationToken);
        var body = await premium.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        ((int)premium.StatusCode).ShouldBe(400);
        body.ShouldContain("-1121");
    }

    [Fact]
    public async Task Order_PositionSideAgainstTheMode_RefusedWith4061()
    {
        await using var h = await LongAsync(hedge: false);

        var code = await RefusedAsync(h, Post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&positionSide=LONG");

        code.ShouldBe(-4061);
    }

    [Fact]
    public async Task Order_MarginAboveTheAvailableBalance_RefusedWith2019()
    {
        await using var h = await LongAsync(hedge: false);

        var code = await RefusedAsync(h, Post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=2");

        code.ShouldBe(-2019);
        h.Simulator.Futures.Positions.ShouldHaveSingleItem().Amount.ShouldBe(0.01m);
    }

    [Fact]
    public async Task Order_CrossMargin_RefusedBecauseOnlyIsolatedIsModelled()
    {
        var candles = TestCandles.Generate(6);
        await using var h = await StartAsync(candles, candles[^1].OpenTimeMs);

        var code = await RefusedAsync(h, Post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01");

        code.ShouldBe(-1020);
        h.Simulator.Futures.Orders.ShouldBeEmpty();
    }
}
