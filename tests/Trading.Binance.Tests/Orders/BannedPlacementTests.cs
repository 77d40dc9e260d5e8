using Shouldly;
using Trading.Binance.Errors;
using Trading.Binance.Orders;
using Trading.Binance.Simulator;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using static Trading.TestInfrastructure.Binance.TradingHarness;

using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Tests.Orders;

/// <summary>
/// A 418 on a signed request bans the IP: the order is rejected at once (it was certainly not placed) and no request of any
/// client leaves for that server until the ban ends, since a request during a ban lengthens it.
/// </summary>
public sealed class BannedPlacementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Earlier than real time, so the ban left in the process-wide budget has ended for every later test on this port.</summary>
    private static ManualTimeProvider NewTime() => new(new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero));

    private static async Task BanAsync(TradingHarness h, int retryAfterSeconds)
    {
        using var response = await h.Http.PostAsync(new Uri(h.Simulator.BaseUrl, "/sim/faults"),
            new StringContent($$"""{"kind":"ban","retryAfter":{{retryAfterSeconds}}}"""), Ct);
        response.IsSuccessStatusCode.ShouldBeTrue();
    }

    [Fact]
    public async Task PlaceOrderAsync_418_RejectedAtOnceAndNotPlaced()
    {
        var time = NewTime();
        await using var h = await StartAsync(options: new SimulatorOptions { Time = time });
        var client = h.NewClient(clock: new BinanceServerClock(time));
        await BanAsync(h, 60);

        var placement = await client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "banned"), Ct);

        placement.Outcome.ShouldBe(PlacementOutcome.NotPlaced);
        placement.Rejection.ShouldNotBeNull().HttpStatus.ShouldBe(418);
        placement.Reason.ShouldNotBeNull().ShouldContain("banned");
        h.Exchange.OrdersWithClientId("banned").ShouldBeEmpty();
        h.Simulator.Requests.All.ShouldHaveSingleItem().Status.ShouldBe(418, "the client did not query or resend a banned order");
    }

    [Fact]
    public async Task SendAsync_DuringBan_NoRequestLeavesUntilItEnds()
    {
        var time = NewTime();
        await using var h = await StartAsync(options: new SimulatorOptions { Time = time });
        var client = h.NewClient(clock: new BinanceServerClock(time));
        var other = h.NewClient(clock: new BinanceServerClock(time));
        await BanAsync(h, 60);
        await client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "first"), Ct);

        await Should.ThrowAsync<BinanceBannedException>(() => other.GetAccountAsync(Ct));
        var during = await client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "second"), Ct);
        time.Advance(TimeSpan.FromSeconds(61));
        var after = await client.PlaceOrderAsync(Market(OrderSide.Buy, 0.01m, "third"), Ct);

        during.Outcome.ShouldBe(PlacementOutcome.NotPlaced);
        during.Rejection.ShouldNotBeNull().HttpStatus.ShouldBe(418);
        after.Outcome.ShouldBe(PlacementOutcome.Placed, after.Reason);
        h.Simulator.Requests.All.Select(r => r.Status).ShouldBe([418, 200], "nothing was sent during the ban");
    }
}
