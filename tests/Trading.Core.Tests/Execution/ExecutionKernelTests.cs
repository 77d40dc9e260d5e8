using Shouldly;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Risk;
using Trading.Core.Tests.Risk;

namespace Trading.Core.Tests.Execution;

public class ExecutionKernelTests
{
    private static readonly SymbolFilters Filters = new()
    {
        TickSize = 0.01m, StepSize = 0.001m, MinQuantity = 0.001m, MinNotional = 5m, MaxQuantity = 9_000m,
    };

    private static readonly RiskLimits OpenLimits = new() { MaxPositionFraction = 1m, PriceMoveGuardPct = null, MaxDrawdownPct = 100m, DailyLossLimitPct = 100m };

    private static ExecutionKernel NewKernel(ExecutionPolicy? policy = null, decimal cash = 10_000m, decimal price = 100m)
    {
        var account = new PortfolioAccount(cash, Orders.T0);
        var market = new MarketState(account, new ManualClock(Orders.T0));
        market.SetFilters(Orders.BtcUsdt, Filters);
        account.Mark(Orders.BtcUsdt, price, Orders.T0);
        return new ExecutionKernel(market, new RiskGate(OpenLimits), policy);
    }

    private static Candle Bar(int minute, decimal open, decimal high, decimal low, decimal close) =>
        new(Orders.BtcUsdt, Timeframe.M1, Orders.T0.AddMinutes(minute).ToUnixTimeMilliseconds(), open, high, low, close, 1m);

    private static OrderIntent Buy(decimal quantity, decimal? stop = null, decimal? target = null) =>
        new(Orders.BtcUsdt, OrderSide.Buy, quantity, SignalPrice: 100m, StopLoss: stop, TakeProfit: target);

    private static void Enter(ExecutionKernel kernel, OrderIntent intent, decimal fillPrice, string id = "o1")
    {
        var decision = kernel.Decide(intent, out var limit);
        decision.IsAllowed.ShouldBeTrue(decision.Reason);
        var order = ExecutionKernel.NewOrder(intent, decision, limit, id, id, Orders.T0, OrderStatus.Submitted);
        kernel.Submitted(order, intent, Orders.T0);
        kernel.Book(Orders.Fill(decision.Quantity, fillPrice, orderId: id, id: "f-" + id));
        kernel.Closed(id);
    }

    [Fact]
    public void Decide_SignalQuantityAndNoRule_BuysTheSignalQuantity()
    {
        NewKernel().Decide(Buy(2m), out _).Quantity.ShouldBe(2m);
    }

    [Fact]
    public void Decide_PolicySizing_WinsOverTheSignalQuantity()
    {
        var kernel = NewKernel(new ExecutionPolicy { Sizing = new PositionSizing(PositionSizingMode.FixedQuote, 500m) });

        kernel.Decide(Buy(2m), out _).Quantity.ShouldBe(5m);
    }

    [Fact]
    public void Decide_RiskBasedWithStop_RisksThePercentOfEquity()
    {
        var kernel = NewKernel(new ExecutionPolicy { Sizing = new PositionSizing(PositionSizingMode.RiskBased, 1m) });

        kernel.Decide(Buy(0m, stop: 95m), out _).Quantity.ShouldBe(20m); // 10,000 × 1 % / (100 − 95)
    }

    [Fact]
    public void Decide_NoQuantityNoRule_UsesTheDefaultSizing()
    {
        NewKernel().Decide(Buy(0m), out _).Quantity.ShouldBe(5m); // 5 % of 10,000 at 100
    }

    [Fact]
    public void Decide_SellWithNothingHeld_DeniedBySizing()
    {
        var decision = NewKernel().Decide(new OrderIntent(Orders.BtcUsdt, OrderSide.Sell, 0m), out _);

        (decision.Check, decision.Reason).ShouldBe((RiskCheck.Sizing, "sell signal with nothing held"));
    }

    [Fact]
    public void Decide_LimitEntryPolicy_RestsAtTheSignalPriceOnTheTick()
    {
        var kernel = NewKernel(new ExecutionPolicy { EntryOrderType = EntryOrderType.Limit });

        var decision = kernel.Decide(Buy(1m) with { SignalPrice = 99.987m }, out var limit);

        limit.ShouldBe(99.98m);
        decision.Price.ShouldBe(99.98m);
    }

    [Fact]
    public void Decide_QuantityOfDecimalMax_DeniedWithAReason()
    {
        var decision = NewKernel().Decide(Buy(decimal.MaxValue), out _);

        decision.IsAllowed.ShouldBeFalse();
        decision.Reason.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Book_EntryWithSignalLevels_ArmsThem()
    {
        var kernel = NewKernel();

        Enter(kernel, Buy(1m, stop: 95m, target: 110m), 100m);

        kernel.Exits.TryGet(Orders.BtcUsdt, out var levels).ShouldBeTrue();
        levels.ShouldBe(new ProtectiveLevels(95m, 110m));
    }

    [Fact]
    public void Book_EntryWithPolicyPercentages_ArmsFromTheSignalPriceOnTheTick()
    {
        var kernel = NewKernel(new ExecutionPolicy { StopLossPct = 2m, TakeProfitPct = 3m });

        Enter(kernel, Buy(1m) with { SignalPrice = 100.05m }, 100.30m);

        kernel.Exits.TryGet(Orders.BtcUsdt, out var levels).ShouldBeTrue();
        levels.ShouldBe(new ProtectiveLevels(98.04m, 103.06m)); // 98.049 down, 103.0515 up
    }

    [Fact]
    public void Book_ManualEntryWithPolicyPercentages_ArmsFromTheFillPrice()
    {
        var kernel = NewKernel(new ExecutionPolicy { StopLossPct = 2m });

        Enter(kernel, Buy(1m) with { SignalPrice = 0m }, 100.05m);

        kernel.Exits.TryGet(Orders.BtcUsdt, out var levels).ShouldBeTrue();
        levels.StopLoss.ShouldBe(98.04m);
    }

    [Fact]
    public void Book_EntryWithoutLevelsOrPolicy_ArmsNothing()
    {
        var kernel = NewKernel();

        Enter(kernel, Buy(1m), 100m);

        kernel.Exits.ArmedCount.ShouldBe(0);
    }

    [Fact]
    public void TryTriggerExit_StopHit_SellsTheFreeQuantityAndDisarms()
    {
        var kernel = NewKernel();
        Enter(kernel, Buy(1m, stop: 95m, target: 110m), 100m);

        kernel.TryTriggerExit(Bar(2, 100, 101, 94, 96), out var trigger).ShouldBeTrue();

        (trigger.Exit.Kind, trigger.Exit.Price, trigger.Quantity).ShouldBe((ExitKind.StopLoss, 95m, 1m));
        trigger.ToOrder("x", "x").Type.ShouldBe(OrderType.Market);
        kernel.Exits.ArmedCount.ShouldBe(0);
    }

    [Theory]
    [InlineData(TradingState.Halted, false)]
    [InlineData(TradingState.Reducing, true)]
    public void TryTriggerExit_StopHitWhileHaltedOrReducing_OnlyReducingSells(TradingState state, bool fires)
    {
        var kernel = NewKernel();
        Enter(kernel, Buy(1m, stop: 95m), 100m);
        kernel.Gate.SetState(state, "test");

        kernel.TryTriggerExit(Bar(2, 100, 101, 94, 96), out _).ShouldBe(fires);

        kernel.Exits.ArmedCount.ShouldBe(fires ? 0 : 1);
    }

    [Fact]
    public void TryTriggerExit_HaltedThenResumed_FiresOnTheNextHit()
    {
        var kernel = NewKernel();
        Enter(kernel, Buy(1m, stop: 95m), 100m);
        kernel.Gate.SetState(TradingState.Halted, "test");
        kernel.TryTriggerExit(Bar(2, 100, 101, 94, 96), out _).ShouldBeFalse();

        kernel.Gate.SetState(TradingState.Active, "test");

        kernel.TryTriggerExit(Bar(3, 96, 97, 93, 94), out var trigger).ShouldBeTrue();
        trigger.Exit.Kind.ShouldBe(ExitKind.StopLoss);
    }

    [Fact]
    public void TryTriggerExit_OpenSellResting_SellsOnlyTheFreeBase()
    {
        var kernel = NewKernel();
        Enter(kernel, Buy(1m, stop: 95m), 100m);
        kernel.Track(Orders.Create(OrderStatus.New, 0.4m, OrderSide.Sell, OrderType.Limit, 200m, "s1"));

        kernel.TryTriggerExit(Bar(2, 94, 96, 93, 94), out var trigger).ShouldBeTrue();

        (trigger.Quantity, trigger.Exit.AtOpen).ShouldBe((0.6m, true));
    }

    [Fact]
    public void TryTriggerExit_TargetHit_IsALimitSellAtTheTarget()
    {
        var kernel = NewKernel();
        Enter(kernel, Buy(1m, stop: 95m, target: 105m), 100m);

        kernel.TryTriggerExit(Bar(2, 100, 105.5m, 99, 104), out var trigger).ShouldBeTrue();

        var order = trigger.ToOrder("x", "x");
        (order.Type, order.Price, trigger.Exit.Kind).ShouldBe((OrderType.Limit, 105m, ExitKind.TakeProfit));
    }

    [Fact]
    public void Settle_PositionClosed_DisarmsTheExits()
    {
        var kernel = NewKernel();
        Enter(kernel, Buy(1m, stop: 95m), 100m);
        kernel.Book(Orders.Fill(1m, 101m, orderId: "s1", side: OrderSide.Sell, id: "f-s1"));

        kernel.Settle(Orders.BtcUsdt).ShouldBeTrue();

        kernel.Exits.ArmedCount.ShouldBe(0);
    }
}
