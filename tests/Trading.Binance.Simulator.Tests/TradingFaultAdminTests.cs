using Shouldly;
using Trading.Binance.Orders;
using Trading.Binance.Simulator.Matching;
using Trading.TestInfrastructure.Binance;
using Trading.Binance.UserData;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Tests;

/// <summary>The trading faults are reachable over POST /sim/faults, as other processes (CLI, services) use them.</summary>
public sealed class TradingFaultAdminTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task PostFaultAsync(TradingHarness h, string json)
    {
        using var response = await h.Http.PostAsync(new Uri(h.Simulator.BaseUrl, "/sim/faults"), new StringContent(json), Ct);
        response.IsSuccessStatusCode.ShouldBeTrue();
    }

    [Fact]
    public async Task OrderServerErrorFault_ViaAdmin_OrderExistsAndClientResolvesIt()
    {
        await using var h = await TradingHarness.StartAsync();
        await PostFaultAsync(h, """{"kind":"order-server-error"}""");

        var placement = await h.Client.PlaceOrderAsync(TradingHarness.Market(OrderSide.Buy, 0.01m, "admin-5xx"), Ct);

        placement.Outcome.ShouldBe(PlacementOutcome.Placed);
        placement.WasResolvedByQuery.ShouldBeTrue();
        h.Exchange.OrdersWithClientId("admin-5xx").ShouldHaveSingleItem().Status.ShouldBe("FILLED");
    }

    [Fact]
    public async Task OrderTimeoutFault_WithDelayViaAdmin_AnswerArrivesAfterTheDelay()
    {
        await using var h = await TradingHarness.StartAsync();
        await PostFaultAsync(h, """{"kind":"order-timeout","delayMs":50}""");

        var placement = await h.Client.PlaceOrderAsync(TradingHarness.Market(OrderSide.Buy, 0.01m, "slow"), Ct);

        placement.Outcome.ShouldBe(PlacementOutcome.Placed);
        placement.WasResolvedByQuery.ShouldBeFalse();
        h.Exchange.OrdersWithClientId("slow").Count.ShouldBe(1);
    }

    [Fact]
    public async Task DropUserDataFault_ViaAdmin_StreamReconnects()
    {
        await using var h = await TradingHarness.StartAsync();
        var stream = h.NewUserDataStream();
        await stream.StartAsync(Ct);

        await PostFaultAsync(h, """{"kind":"drop-user-data"}""");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (await stream.Updates.ReadAsync(timeout.Token) is not UserDataReconnected) { }

        h.Exchange.TotalUserDataSubscriptions.ShouldBe(2);
    }

    [Fact]
    public async Task SimAccountAndOrders_AfterTrades_ShowTheExchangeState()
    {
        await using var h = await TradingHarness.StartAsync();
        await h.Client.PlaceOrderAsync(TradingHarness.Market(OrderSide.Buy, 0.01m, "one"), Ct);
        await h.Client.PlaceOrderAsync(TradingHarness.Market(OrderSide.Sell, 0.005m, "two"), Ct);

        var orders = await h.Http.GetStringAsync(new Uri(h.Simulator.BaseUrl, "/sim/orders"), Ct);
        var account = await h.Client.GetAccountAsync(Ct);

        orders.ShouldContain("\"clientOrderId\":\"one\"");
        orders.ShouldContain("\"clientOrderId\":\"two\"");
        account.Balance("BTC").Free.ShouldBe(0.00499m, "0.01 less 0.00001 commission in BTC, less 0.005 sold");
        account.Balances.Values.ShouldAllBe(b => h.Exchange.Balance(b.Asset) == new SimulatedBalance(b.Asset, b.Free, b.Locked));
    }
}
