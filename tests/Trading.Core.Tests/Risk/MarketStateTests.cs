using Shouldly;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Risk;

namespace Trading.Core.Tests.Risk;

public class MarketStateTests
{
    private static readonly Symbol Btc = TestRiskContext.Btc;
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly PortfolioAccount _account = new(10_000m, Start);
    private readonly MarketState _state;

    public MarketStateTests()
    {
        _state = new MarketState(_account, new ManualClock(Start.AddHours(1)));
        _state.SetFilters(Btc, TestRiskContext.Filters);
        _account.Mark(Btc, 100m, Start.AddMinutes(1));
    }

    private static Order Open(OrderSide side, decimal quantity, decimal? price, string id = "o1", OrderStatus status = OrderStatus.New) => new()
    {
        Id = id, ClientOrderId = id, Symbol = Btc, Side = side, Type = price is null ? OrderType.Market : OrderType.Limit,
        Price = price, Quantity = quantity, Status = status, CreatedAt = Start,
    };

    [Fact]
    public void Track_OpenBuy_ReservesQuoteWithFeeUntilClosed()
    {
        _state.Track(Open(OrderSide.Buy, 2m, 99m));

        _state.AvailableQuote.ShouldBe(10_000m - 2m * 99m * 1.001m);
        _state.HasOpenOrder(Btc, OrderSide.Buy).ShouldBeTrue();

        _state.Track(Open(OrderSide.Buy, 2m, 99m, status: OrderStatus.Cancelled));
        _state.AvailableQuote.ShouldBe(10_000m);
        _state.HasOpenOrder(Btc, OrderSide.Buy).ShouldBeFalse();
    }

    [Fact]
    public void Track_OpenSell_ReservesBase()
    {
        _account.Apply(new Fill { Id = "f", OrderId = "b", Symbol = Btc, Side = OrderSide.Buy, Price = 100m, Quantity = 3m, Time = Start.AddMinutes(2) });

        _state.Track(Open(OrderSide.Sell, 1m, 110m));

        _state.AvailableBase(Btc).ShouldBe(2m);
        _state.PositionQuantity(Btc).ShouldBe(3m);
    }

    [Fact]
    public void Track_OpenBuys_PendingQuantityIsWhatTheyStillWaitFor()
    {
        _state.Track(Open(OrderSide.Buy, 2m, 99m, "a"));
        _state.Track(Open(OrderSide.Buy, 3m, null, "b") with { FilledQuantity = 1m, Status = OrderStatus.PartiallyFilled });
        _state.Track(Open(OrderSide.Sell, 5m, 120m, "c"));

        _state.PendingBuyQuantity(Btc).ShouldBe(4m);

        _state.Untrack("a");
        _state.PendingBuyQuantity(Btc).ShouldBe(2m);
    }

    [Fact]
    public void RiskGate_OwnedBuys_OtherOwnersPendingBuysCountTowardsThePositionLimit()
    {
        var gate = new RiskGate(new RiskLimits { MaxPositionFraction = 0.1m });
        _state.Track(Open(OrderSide.Buy, 6m, null, "other-strategy"));

        gate.Evaluate(new OrderRequest(Btc, OrderSide.Buy, 5m, SignalPrice: 100m) { Owner = "b" }, _state).Check.ShouldBe(RiskCheck.MaxPositionSize);
        gate.Evaluate(new OrderRequest(Btc, OrderSide.Buy, 4m, SignalPrice: 100m) { Owner = "b" }, _state).IsAllowed.ShouldBeTrue();
        gate.Evaluate(new OrderRequest(Btc, OrderSide.Buy, 5m, SignalPrice: 100m), _state).Check.ShouldBe(RiskCheck.DuplicateOrder);
    }

    [Fact]
    public void RiskGate_WithMarketState_DeniesDuplicateAndAllowsWithoutAllocating()
    {
        var gate = new RiskGate(new RiskLimits());
        var request = new OrderRequest(Btc, OrderSide.Buy, 1m, SignalPrice: 100m);
        gate.Evaluate(request, _state).IsAllowed.ShouldBeTrue();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++) gate.Evaluate(request, _state);
        GC.GetAllocatedBytesForCurrentThread().ShouldBe(before);

        _state.Track(Open(OrderSide.Buy, 1m, 100m));
        gate.Evaluate(request, _state).Check.ShouldBe(RiskCheck.DuplicateOrder);
    }

    [Fact]
    public void Monitor_PortfolioFallsToMaxDrawdown_EngagesKillSwitch()
    {
        var gate = new RiskGate(new RiskLimits { MaxDrawdownPct = 10m, DailyLossLimitPct = 50m });
        var reasons = new List<string>();
        gate.StateChanged += (_, reason) => reasons.Add(reason);
        _account.Apply(new Fill { Id = "f", OrderId = "b", Symbol = Btc, Side = OrderSide.Buy, Price = 100m, Quantity = 50m, Time = Start.AddMinutes(2) });

        _account.Mark(Btc, 80.01m, Start.AddMinutes(3));   // equity 9,000.50: 9.995% down
        gate.Monitor(_state);
        gate.State.ShouldBe(TradingState.Active);

        _account.Mark(Btc, 80m, Start.AddMinutes(4));      // equity 9,000: exactly 10% down
        gate.Monitor(_state);

        gate.State.ShouldBe(TradingState.Halted);
        reasons.Single().ShouldContain("drawdown reached 10%");
        gate.Evaluate(new OrderRequest(Btc, OrderSide.Sell, 1m), _state).Check.ShouldBe(RiskCheck.TradingState);
    }
}
