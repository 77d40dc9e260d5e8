using System.Text.Json;
using Shouldly;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using static Trading.Binance.Simulator.Tests.Futures.FuturesSim;

namespace Trading.Binance.Simulator.Tests.Futures;

/// <summary>The /fapi market data and account answers in the USDⓈ-M OpenAPI's shapes, and resting LIMIT and STOP_MARKET orders on the replay.</summary>
public sealed class FuturesEndpointShapeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PublicAsync(Trading.TestInfrastructure.Binance.TradingHarness h, string pathAndQuery)
    {
        var body = await h.Http.GetStringAsync(new Uri(h.Simulator.BaseUrl, pathAndQuery), Ct);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task MarketData_ExchangeInfoKlinesAndBrackets_InBinanceShape()
    {
        var candles = TestCandles.Generate(6);
        await using var h = await StartAsync(candles, candles[^1].OpenTimeMs);

        var info = await PublicAsync(h, "/fapi/v1/exchangeInfo");
        var klines = await PublicAsync(h, "/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=3");
        var brackets = await OkAsync(h, HttpMethod.Get, "/fapi/v1/leverageBracket", "symbol=BTCUSDT");

        var symbol = info.GetProperty("symbols").EnumerateArray().ShouldHaveSingleItem();
        symbol.GetProperty("symbol").GetString().ShouldBe("BTCUSDT");
        symbol.GetProperty("contractType").GetString().ShouldBe("PERPETUAL");
        symbol.GetProperty("marginAsset").GetString().ShouldBe("USDT");
        symbol.GetProperty("filters").EnumerateArray().Select(f => f.GetProperty("filterType").GetString())
            .ShouldBe(["PRICE_FILTER", "LOT_SIZE", "MARKET_LOT_SIZE", "MIN_NOTIONAL"]);
        klines.GetArrayLength().ShouldBe(3);
        klines[2][0].GetInt64().ShouldBe(candles[4].OpenTimeMs);
        var rows = brackets.EnumerateArray().ShouldHaveSingleItem().GetProperty("brackets").EnumerateArray().ToList();
        rows.Select(b => (b.GetProperty("initialLeverage").GetInt32(), b.GetProperty("notionalCap").GetDecimal(), b.GetProperty("maintMarginRatio").GetDecimal(), b.GetProperty("cum").GetDecimal()))
            .ShouldBe(KnownLeverageBrackets.BtcUsdt.All.Select(b => (b.InitialLeverage, b.NotionalCap, b.MaintMarginRatio, b.Cum)));
    }

    [Fact]
    public async Task AccountAndBalance_AfterAnIsolatedLong_WalletLessFeeAndMarginHeld()
    {
        var candles = TestCandles.Generate(6);
        await using var h = await StartAsync(candles, candles[^1].OpenTimeMs);
        await SetUpAsync(h, hedge: false, leverage: 4);
        var order = await MarketAsync(h, "BUY", 0.01m);
        var entry = Dec(order, "avgPrice");

        var account = await OkAsync(h, HttpMethod.Get, "/fapi/v2/account", "");
        var balance = (await OkAsync(h, HttpMethod.Get, "/fapi/v2/balance", ""))[0];
        var dual = await OkAsync(h, HttpMethod.Get, "/fapi/v1/positionSide/dual", "");

        var wallet = 10_000m - 0.01m * entry * 0.0005m;
        Dec(account, "totalWalletBalance").ShouldBe(wallet);
        Dec(account, "totalPositionInitialMargin").ShouldBe(0.01m * entry / 4);
        Dec(account, "availableBalance").ShouldBe(wallet - 0.01m * entry / 4);
        var position = account.GetProperty("positions").EnumerateArray().ShouldHaveSingleItem();
        position.GetProperty("isolated").GetBoolean().ShouldBeTrue();
        position.GetProperty("leverage").GetString().ShouldBe("4");
        Dec(balance, "balance").ShouldBe(wallet);
        balance.GetProperty("asset").GetString().ShouldBe("USDT");
        dual.GetProperty("dualSidePosition").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task StopMarketAndLimit_ReplayReachesThem_StopWorksAtItsStopAndLimitFillsAtItsPriceAsMaker()
    {
        var replayFrom = TestCandles.Start + 5 * 60_000L;
        List<Candle> candles =
        [
            .. TestCandles.Generate(5),
            Bar(replayFrom, 41_990m, 42_000m, 40_500m, 40_600m),
            Bar(replayFrom + 60_000L, 40_600m, 40_700m, 40_550m, 40_650m),
        ];
        await using var h = await StartAsync(candles, replayFrom);
        await SetUpAsync(h, hedge: false, leverage: 5);
        await MarketAsync(h, "BUY", 0.01m);
        var stop = await OkAsync(h, HttpMethod.Post, "/fapi/v1/order", "symbol=BTCUSDT&side=SELL&type=STOP_MARKET&quantity=0.01&stopPrice=41000&reduceOnly=true&newClientOrderId=sl1");
        var limit = await OkAsync(h, HttpMethod.Post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.02&price=40800&timeInForce=GTC&newClientOrderId=lim1");
        var immediate = await RefusedAsync(h, HttpMethod.Post, "/fapi/v1/order", "symbol=BTCUSDT&side=SELL&type=STOP_MARKET&quantity=0.01&stopPrice=43000&reduceOnly=true");
        var open = await OkAsync(h, HttpMethod.Get, "/fapi/v1/openOrders", "symbol=BTCUSDT");

        await ReplayThroughAsync(h, Timeframe.M1, candles[^1].OpenTimeMs);

        stop.GetProperty("status").GetString().ShouldBe("NEW");
        limit.GetProperty("status").GetString().ShouldBe("NEW");
        immediate.ShouldBe(-2021);
        open.GetArrayLength().ShouldBe(2);
        var orders = h.Simulator.Futures.Orders;
        var sl = orders.Single(o => o.ClientOrderId == "sl1");
        sl.Status.ShouldBe("FILLED");
        sl.AveragePrice.ShouldBeInRange(40_950m, 41_000m, "a market sell around its stop takes the bid");
        var lim = orders.Single(o => o.ClientOrderId == "lim1");
        lim.Status.ShouldBe("FILLED");
        lim.AveragePrice.ShouldBe(40_800m);
        h.Simulator.Futures.Positions.ShouldHaveSingleItem().Amount.ShouldBe(0.02m);
        h.Simulator.Futures.Income.Where(i => i.IncomeType == "COMMISSION").Last().Amount.ShouldBe(-0.02m * 40_800m * 0.0002m);
    }
}
