using Shouldly;
using Trading.Binance.Orders;
using Trading.Binance.RateLimiting;
using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using static Trading.TestInfrastructure.Binance.TradingHarness;

using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Tests.Orders;

/// <summary>
/// The execution-latency benchmark's stall, reproduced: the server's request weight for the minute is spent, it answers an
/// order with 429 and Retry-After, and the client holds the next order until then. That wait is logged, and the held order
/// is signed when it leaves, so it is accepted at once instead of failing the recvWindow (-1021) and being sent again.
/// </summary>
public sealed class RateLimitedPlacementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly BinanceTradingOptions Patient = FastOptions with { RequestTimeout = TimeSpan.FromHours(1) };

    /// <summary>Later than any block an earlier test on a reused port left in the process-wide budget.</summary>
    private static ManualTimeProvider NewTime() => new(new DateTimeOffset(2030, 1, 1, 12, 0, 40, TimeSpan.Zero));

    private static BinanceTradingClient NewClient(TradingHarness h, ManualTimeProvider time, ListLogger? logger = null)
    {
        BinanceRequestBudget.For(h.Simulator.BaseUrl).WeightLimit = BinanceRequestBudget.DefaultWeightLimit;
        return new BinanceTradingClient(h.Http, TestCredentials, Patient with { BaseUrl = h.Simulator.BaseUrl }, new BinanceServerClock(time), logger);
    }

    [Fact]
    public async Task PlaceOrderAsync_After429_WarnsWaitsAndSendsOnceWithAFreshTimestamp()
    {
        var time = NewTime();
        await using var h = await StartAsync(options: new SimulatorOptions { Time = time, WeightLimitPerMinute = 7 });
        var logger = new ListLogger();
        var client = NewClient(h, time, logger);
        await client.GetOpenOrdersAsync(TestCandles.BtcUsdt, Ct);
        (await client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "free"), Ct)).Outcome.ShouldBe(PlacementOutcome.Placed, "a successful order costs no weight");

        var limited = await Should.ThrowAsync<BinanceTradingException>(() => client.GetOpenOrdersAsync(TestCandles.BtcUsdt, Ct));
        var held = client.PlaceOrderAsync(Market(OrderSide.Sell, 0.001m, "held"), Ct);
        await time.AdvanceToNextTimerAsync(Ct);
        var placed = await held;

        limited.Code.ShouldBe(-1003);
        placed.Outcome.ShouldBe(PlacementOutcome.Placed, placed.Reason);
        logger.Warnings.ShouldHaveSingleItem().ShouldContain("HTTP 429");
        var requests = h.Simulator.Requests.All;
        requests.Select(r => r.Status).ShouldBe([200, 200, 429, 200], "the held order went out once, and was not refused for its timestamp");
        requests[^1].Time.ShouldBeGreaterThanOrEqualTo(new DateTimeOffset(2030, 1, 1, 12, 1, 0, TimeSpan.Zero));
        h.Exchange.OrdersWithClientId("held").Count.ShouldBe(1);
    }

    [Fact]
    public async Task PlaceOrderAsync_BurstPastTheOrderCountLimit_Gets1015WithHeadersAndWaitsInsteadOfFailing()
    {
        var time = NewTime();
        var trading = new Simulator.Matching.SimulatorTradingOptions { OrdersPer10Seconds = 3 };
        await using var h = await StartAsync(options: new SimulatorOptions { Time = time, Trading = trading });
        var logger = new ListLogger();
        var client = NewClient(h, time, logger);
        BinanceRequestBudget.For(h.Simulator.BaseUrl).Orders.LimitPer10Seconds = 100; // the client does not know the lower limit

        for (var i = 0; i < 3; i++)
            (await client.PlaceOrderAsync(Limit(OrderSide.Buy, 0.001m, 30_000m, $"burst-{i}"), Ct)).Outcome.ShouldBe(PlacementOutcome.Placed);
        var fourth = client.PlaceOrderAsync(Limit(OrderSide.Buy, 0.001m, 30_000m, "burst-3"), Ct);
        await TestWait.UntilAsync(() => logger.Warnings.Count > 0, TimeSpan.FromSeconds(30), Ct); // refused, now waiting for Retry-After
        await time.AdvanceToNextTimerAsync(Ct);
        var placed = await fourth;

        placed.Outcome.ShouldBe(PlacementOutcome.Placed, placed.Reason);
        var orders = h.Simulator.Requests.All.Where(r => r.Path == "/api/v3/order").ToList();
        orders.Select(r => r.Status).ShouldBe([200, 200, 200, 429, 200]);
        orders[^1].Time.ShouldBe(new DateTimeOffset(2030, 1, 1, 12, 0, 50, TimeSpan.Zero), "it waited for the next 10-second window");
        h.Exchange.OrdersWithClientId("burst-3").Count.ShouldBe(1);
        logger.Warnings.ShouldHaveSingleItem().ShouldContain("HTTP 429");
    }

    [Fact]
    public async Task PlaceOrderAsync_BudgetSpent_HeldOrderSignedWhenItLeaves()
    {
        var time = NewTime();
        await using var h = await StartAsync(options: new SimulatorOptions { Time = time });
        var client = NewClient(h, time);
        var budget = BinanceRequestBudget.For(h.Simulator.BaseUrl);
        budget.BlockUntil(time.GetUtcNow().AddSeconds(10));

        var held = client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "held"), Ct);
        await time.AdvanceToNextTimerAsync(Ct);
        var placed = await held;

        placed.Outcome.ShouldBe(PlacementOutcome.Placed, placed.Reason);
        h.Simulator.Requests.All.ShouldHaveSingleItem().Status.ShouldBe(200);
    }
}
