using Shouldly;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Tests.Risk;

public class LimitEntryTimeoutPolicyTests
{
    private static readonly DateTimeOffset Created = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly LimitEntryTimeoutPolicy Policy = new(TimeSpan.FromMinutes(5), AbandonMovePct: 1m, MaxReprices: 2);

    private static readonly Order Order = new()
    {
        Id = "o1", ClientOrderId = "c1", Symbol = new Symbol("BTCUSDT"), Side = OrderSide.Buy, Type = OrderType.Limit,
        Price = 100m, Quantity = 1m, Status = OrderStatus.New, CreatedAt = Created,
    };

    [Fact]
    public void Decide_BeforeTimeout_Waits()
    {
        Policy.Decide(Order, Created.AddMinutes(5).AddTicks(-1), 100.5m, 100m, 0).Action.ShouldBe(LimitTimeoutAction.Wait);
    }

    [Fact]
    public void Decide_ExpiredWithinMove_RepricesToLatestOnTick()
    {
        Policy.Decide(Order, Created.AddMinutes(5), 100.005m, 100m, 0, tickSize: 0.01m)
            .ShouldBe(new LimitTimeoutDecision(LimitTimeoutAction.CancelAndReprice, 100m));
        Policy.Decide(Order, Created.AddMinutes(5), 101m, 100m, 1).Action.ShouldBe(LimitTimeoutAction.CancelAndReprice);
    }

    [Theory]
    [InlineData(101.01, 0)]   // moved more than 1%
    [InlineData(98.99, 0)]
    [InlineData(100.2, 2)]    // re-prices used up
    public void Decide_PriceRanAwayOrRepricesUsed_Abandons(decimal latest, int reprices)
    {
        Policy.Decide(Order, Created.AddMinutes(6), latest, 100m, reprices).Action.ShouldBe(LimitTimeoutAction.Abandon);
    }

    [Fact]
    public void Decide_FilledOrder_Waits()
    {
        Policy.Decide(Order with { Status = OrderStatus.Filled }, Created.AddHours(1), 120m, 100m, 0).Action.ShouldBe(LimitTimeoutAction.Wait);
    }
}
