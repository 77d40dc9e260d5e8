using Shouldly;
using Trading.Binance.Orders;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Model;
using static Trading.TestInfrastructure.Binance.TradingHarness;

using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Tests.Orders;

/// <summary>A placement whose answer is lost is resolved by querying its client order id; the order is never sent twice.</summary>
public sealed class UnknownOutcomeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BinanceTradingOptions ShortTimeout => FastOptions with
    {
        RequestTimeout = TimeSpan.FromMilliseconds(500), UnknownOutcomeQueries = 6, UnknownOutcomeQueryDelay = TimeSpan.FromMilliseconds(10),
    };

    /// <summary>
    /// One rejected placement first, so the server has compiled its order path: a cold first request can take longer than
    /// the short client timeout before the order even exists (then Unknown is the right answer, but not what these tests test).
    /// </summary>
    private static async Task<TradingHarness> StartWarmAsync()
    {
        var h = await StartAsync();
        (await h.Client.PlaceOrderAsync(Market(OrderSide.Buy, 0.000001m, "warm-up"), Ct)).Outcome.ShouldBe(PlacementOutcome.NotPlaced);
        return h;
    }

    /// <summary>Placement requests the simulator received, minus the warm-up.</summary>
    private static int Placements(TradingHarness h) => h.Exchange.PlacementRequests - 1;

    [Theory]
    [InlineData(OrderFaultKind.TimeoutAfterAccept)]
    [InlineData(OrderFaultKind.ServerErrorAfterAccept)]
    public async Task PlaceOrderAsync_AnswerLostAfterAccept_ResolvedByQueryAndPlacedExactlyOnce(OrderFaultKind fault)
    {
        await using var h = await StartWarmAsync();
        var client = h.NewClient(options: ShortTimeout);
        h.Exchange.Faults.Enqueue(new OrderFault(fault));

        var placement = await client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "sig-lost"), Ct);

        placement.Outcome.ShouldBe(PlacementOutcome.Placed);
        placement.WasResolvedByQuery.ShouldBeTrue();
        placement.Order!.Status.ShouldBe(OrderStatus.Filled);
        h.Exchange.OrdersWithClientId("sig-lost").Count.ShouldBe(1);
        Placements(h).ShouldBe(1);
    }

    [Fact]
    public async Task PlaceOrderAsync_RepeatedLostAnswersWithFreshClients_EachSignalHasExactlyOneOrder()
    {
        await using var h = await StartWarmAsync();
        const int signals = 12;
        h.Exchange.Faults.Enqueue(new OrderFault(OrderFaultKind.TimeoutAfterAccept, Times: signals / 2));
        h.Exchange.Faults.Enqueue(new OrderFault(OrderFaultKind.ServerErrorAfterAccept, Times: signals / 2));

        for (var i = 0; i < signals; i++)
        {
            var client = h.NewClient(options: ShortTimeout);
            var placement = await client.PlaceOrderAsync(Limit(OrderSide.Buy, 0.001m, 30_000m + i, $"sig-{i}"), Ct);
            placement.Outcome.ShouldBe(PlacementOutcome.Placed, $"signal {i}: {placement.Reason}");
            placement.WasResolvedByQuery.ShouldBeTrue();
        }

        h.Exchange.Orders.GroupBy(o => o.ClientOrderId).ShouldAllBe(g => g.Count() == 1);
        h.Exchange.Orders.Count.ShouldBe(signals);
        Placements(h).ShouldBe(signals);
    }

    [Fact]
    public async Task PlaceOrderAsync_5xxBeforeAccept_QueriesPastRecvWindowAndReportsNotPlaced()
    {
        await using var h = await StartWarmAsync();
        var client = h.NewClient(options: FastOptions with
        {
            RecvWindowMs = 20, UnknownOutcomeQueryDelay = TimeSpan.FromMilliseconds(15), UnknownOutcomeQueries = 6,
        });
        h.Simulator.Faults.Enqueue(HttpFault.ServerError());

        var placement = await client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "never"), Ct);

        placement.Outcome.ShouldBe(PlacementOutcome.NotPlaced);
        placement.WasResolvedByQuery.ShouldBeTrue();
        placement.Reason.ShouldNotBeNull().ShouldContain("found no order never");
        h.Exchange.Orders.ShouldBeEmpty();
    }

    [Fact]
    public async Task PlaceOrderAsync_UnreadableSuccessAnswer_TreatedAsUnknownAndResolvedByQuery()
    {
        await using var h = await StartWarmAsync();
        var client = h.NewClient(options: FastOptions with
        {
            RecvWindowMs = 20, UnknownOutcomeQueryDelay = TimeSpan.FromMilliseconds(15), UnknownOutcomeQueries = 6,
        });
        h.Simulator.Faults.Enqueue(HttpFault.MalformedBody());

        var placement = await client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "garbled"), Ct);

        placement.Outcome.ShouldBe(PlacementOutcome.NotPlaced);
        placement.WasResolvedByQuery.ShouldBeTrue();
        placement.Reason.ShouldNotBeNull().ShouldContain("could not be read");
    }

    [Fact]
    public async Task PlaceOrderAsync_QueriesAlsoFail_ReportsUnknownWithoutResending()
    {
        await using var h = await StartWarmAsync();
        var client = h.NewClient(options: ShortTimeout);
        h.Exchange.Faults.Enqueue(new OrderFault(OrderFaultKind.ServerErrorAfterAccept, ThenHttp: HttpFault.ServerError(times: 50)));

        var placement = await client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "dark"), Ct);

        placement.Outcome.ShouldBe(PlacementOutcome.Unknown);
        placement.Reason.ShouldNotBeNull().ShouldContain("did not tell");
        h.Exchange.OrdersWithClientId("dark").Count.ShouldBe(1);
        Placements(h).ShouldBe(1);
    }
}
