using Shouldly;
using Trading.Binance.Futures;
using Trading.Binance.Orders;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Futures;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Tests.Futures;

/// <summary>The /fapi adapter against the simulator over real HTTP on 127.0.0.1, signed with the simulator's test key.</summary>
public sealed class BinanceFuturesClientTests
{
    private static readonly Symbol Btc = TestCandles.BtcUsdt;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<(TradingHarness Harness, BinanceFuturesClient Client)> StartAsync(FuturesSimulatorOptions? futures = null, BinanceCredentials? credentials = null) =>
        FuturesSimulatorClient.StartAsync(futures, credentials);

    [Fact]
    public async Task Settings_SetTwice_FirstChangesSecondReportsAlreadySet()
    {
        var (h, client) = await StartAsync();
        await using var _ = h;

        var dual = (await client.SetDualSidePositionAsync(true, Ct), await client.SetDualSidePositionAsync(true, Ct));
        var margin = (await client.SetMarginTypeAsync(Btc, isolated: true, Ct), await client.SetMarginTypeAsync(Btc, isolated: true, Ct));
        var leverage = await client.SetLeverageAsync(Btc, 3, Ct);
        var again = await client.SetLeverageAsync(Btc, 3, Ct);
        var positions = await client.GetPositionsAsync(Btc, Ct);

        dual.ShouldBe((true, false));
        margin.ShouldBe((true, false));
        leverage.ShouldBe(again);
        leverage.Leverage.ShouldBe(3);
        leverage.MaxNotional.ShouldBe(200_000_000m, "bracket 8 (3×) caps at 200,000,000");
        (await client.GetDualSidePositionAsync(Ct)).ShouldBeTrue();
        positions.Select(p => p.PositionSide).ShouldBe([PositionSide.Long, PositionSide.Short]);
        positions.ShouldAllBe(p => p.Leverage == 3 && p.Isolated && p.Amount == 0m);
    }

    [Fact]
    public async Task Orders_HedgedLongShortAndARestingLimit_PositionsAccountIncomeAndCancelAgree()
    {
        var (h, client) = await StartAsync();
        await using var _ = h;
        await client.SetDualSidePositionAsync(true, Ct);
        await client.SetMarginTypeAsync(Btc, true, Ct);
        await client.SetLeverageAsync(Btc, 5, Ct);

        var longFill = await client.PlaceOrderAsync(new FuturesOrderRequest(Btc, OrderSide.Buy, FuturesOrderType.Market, 0.01m, "long-1", PositionSide.Long), Ct);
        var shortFill = await client.PlaceOrderAsync(new FuturesOrderRequest(Btc, OrderSide.Sell, FuturesOrderType.Market, 0.01m, "short-1", PositionSide.Short), Ct);
        var resting = await client.PlaceOrderAsync(new FuturesOrderRequest(Btc, OrderSide.Buy, FuturesOrderType.Limit, 0.01m, "limit-1", PositionSide.Long, Price: 40_000m), Ct);
        var open = await client.GetOpenOrdersAsync(Btc, Ct);
        var canceled = await client.CancelOrderAsync(Btc, "limit-1", Ct);
        var queried = await client.QueryOrderAsync(Btc, "long-1", Ct);
        var positions = await client.GetPositionsAsync(Btc, Ct);
        var account = await client.GetAccountAsync(Ct);
        var balance = (await client.GetBalancesAsync(Ct)).ShouldHaveSingleItem();
        var commissions = await client.GetIncomeAsync(Btc, "COMMISSION", ct: Ct);

        longFill.Status.ShouldBe("FILLED");
        longFill.PositionSide.ShouldBe(PositionSide.Long);
        shortFill.AveragePrice.ShouldBeLessThan(longFill.AveragePrice);
        resting.IsOpen.ShouldBeTrue();
        open.ShouldHaveSingleItem().ClientOrderId.ShouldBe("limit-1");
        canceled.Status.ShouldBe("CANCELED");
        queried.ExecutedQuantity.ShouldBe(0.01m);
        positions.Single(p => p.PositionSide == PositionSide.Long).Amount.ShouldBe(0.01m);
        positions.Single(p => p.PositionSide == PositionSide.Short).Amount.ShouldBe(-0.01m);
        positions.Single(p => p.PositionSide == PositionSide.Long).IsolatedMargin.ShouldBe(0.01m * longFill.AveragePrice / 5);
        var fees = 0.01m * (longFill.AveragePrice + shortFill.AveragePrice) * 0.0005m;
        account.WalletBalance.ShouldBe(10_000m - fees);
        balance.Balance.ShouldBe(account.WalletBalance);
        balance.AvailableBalance.ShouldBe(account.AvailableBalance);
        commissions.Sum(c => c.Amount).ShouldBe(-fees);
    }

    [Fact]
    public async Task MarketData_ExchangeInfoKlinesMarkBracketsAndFunding_Read()
    {
        var (h, client) = await StartAsync(new FuturesSimulatorOptions { Funding = FundingRates.Constant(0.0002m) });
        await using var _ = h;
        await client.SyncClockAsync(Ct);

        var symbol = (await client.GetExchangeInfoAsync(Ct)).ShouldHaveSingleItem();
        var klines = await client.GetKlinesAsync(Btc, Timeframe.M1, limit: 2, ct: Ct);
        var mark = await client.GetMarkPriceAsync(Btc, Ct);
        var brackets = (await client.GetLeverageBracketsAsync(Btc, Ct)).ShouldHaveSingleItem();
        var funding = await client.GetFundingRatesAsync(Btc, ct: Ct);

        symbol.Market.ShouldBe(MarketType.Usdm);
        symbol.Filters.StepSize.ShouldBe(h.Simulator.Symbols.Single(s => s.Symbol == Btc).Filters.StepSize);
        symbol.Filters.MinNotional.ShouldBe(h.Simulator.Symbols.Single(s => s.Symbol == Btc).Filters.MinNotional);
        klines.Count.ShouldBe(2);
        mark.MarkPrice.ShouldBe(h.HistoryClose);
        mark.LastFundingRate.ShouldBe(0.0002m);
        brackets.All.ShouldBe(KnownLeverageBrackets.BtcUsdt.All);
        funding.ShouldBeEmpty("no settlement has been replayed yet");
    }

    [Fact]
    public async Task Refusals_LeverageUnknownSymbolAndReduceOnlyFlip_ThrowWithBinancesCodes()
    {
        var (h, client) = await StartAsync();
        await using var _ = h;
        await client.SetMarginTypeAsync(Btc, true, Ct);
        await client.PlaceOrderAsync(new FuturesOrderRequest(Btc, OrderSide.Buy, FuturesOrderType.Market, 0.01m, "long-1"), Ct);

        var leverage = await Should.ThrowAsync<BinanceTradingException>(() => client.SetLeverageAsync(Btc, 126, Ct));
        var unknown = await Should.ThrowAsync<BinanceTradingException>(() => client.GetMarkPriceAsync(new Symbol("ETHUSDT"), Ct));
        var flip = await Should.ThrowAsync<BinanceTradingException>(() =>
            client.PlaceOrderAsync(new FuturesOrderRequest(Btc, OrderSide.Sell, FuturesOrderType.Market, 0.02m, "flip-1", ReduceOnly: true), Ct));
        var margin = await Should.ThrowAsync<BinanceTradingException>(() => client.SetMarginTypeAsync(Btc, false, Ct));

        leverage.Code.ShouldBe(-4028);
        unknown.Code.ShouldBe(-1121);
        flip.Code.ShouldBe(-2022);
        margin.Code.ShouldBe(-4048);
        (await client.GetPositionsAsync(Btc, Ct)).ShouldHaveSingleItem().Amount.ShouldBe(0.01m);
    }

    [Fact]
    public async Task Signing_WrongSecret_RefusedWith1022AsOnSpot()
    {
        var (h, client) = await StartAsync(credentials: new BinanceCredentials(TradingHarness.TestCredentials.ApiKey, "not-the-secret"));
        await using var _ = h;

        var refused = await Should.ThrowAsync<BinanceTradingException>(() => client.GetAccountAsync(Ct));

        refused.Code.ShouldBe(-1022);
    }
}
