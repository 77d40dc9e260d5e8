using Shouldly;
using Trading.Core.Allocation;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Strategies.Regime;
using Trading.Core.Tests.Execution;

namespace Trading.Core.Tests.Allocation;

public class CapitalAllocatorTests
{
    private static readonly string[] Strategies = ["alpha", "beta", "gamma"];

    [Fact]
    public void Decide_ThreeStrategiesWanting40PctInATrend_EachGetsAtMost25PctAndTheHeatCapHolds()
    {
        var desk = new AllocatedKernel(policy: new ExecutionPolicy { StopLossPct = 2m });
        desk.Trend();

        var granted = Strategies.Select(s => desk.Buy(s, 0.4m)).ToList();

        granted.ShouldAllBe(d => d.IsAllowed && d.Quantity == 25m); // 25 % of 10,000 at 100, not the 40 asked for
        foreach (var strategy in Strategies) desk.Allocator.Committed(strategy).ShouldBe(2_500m);
        desk.Decisions.Select(d => (d.Strategy, d.Requested, d.Granted, d.Check)).ShouldBe(
            Strategies.Select(s => (s, 40m, 25m, RiskCheck.StrategyBudget)));
        desk.Decisions[0].Reason.ShouldBe("alpha may hold 25 % of equity 10000.00 = 2500.00; 0.00 is in use");
        desk.Allocator.Heat.ShouldBe(150m); // 75 units × 2 to the 2 % stop
        desk.Allocator.Heat.ShouldBeLessThanOrEqualTo(desk.Kernel.Account.Equity * 0.06m);
    }

    [Fact]
    public void Decide_RegimeUncertain_SharesShrinkByTheDocumentedFactor()
    {
        var desk = new AllocatedKernel(policy: new ExecutionPolicy { StopLossPct = 2m });
        desk.Allocator.RegimeOf(Orders.BtcUsdt).ShouldBe(MarketRegime.Uncertain);

        var granted = Strategies.Select(s => desk.Buy(s, 0.4m)).ToList();

        granted.ShouldAllBe(d => d.IsAllowed && d.Quantity == 12.5m); // 25 % × 0.5 of 10,000 at 100
        desk.Decisions[0].Reason.ShouldBe("alpha may hold 12.5 % of equity 10000.00 (regime UNCERTAIN: 25 % × 0.5) = 1250.00; 0.00 is in use");
    }

    [Fact]
    public void Decide_StopsFarAway_HeatCapCutsThenDeniesAndHolds()
    {
        var desk = new AllocatedKernel();
        desk.Trend();

        var alpha = desk.Buy("alpha", 0.4m, stop: 80m); // 25 units risk 20 each: 500 of the 600 cap
        var beta = desk.Buy("beta", 0.4m, stop: 80m);   // 100 left: 5 units
        var gamma = desk.Buy("gamma", 0.4m, stop: 80m); // nothing left

        (alpha.Quantity, beta.Quantity).ShouldBe((25m, 5m));
        (gamma.Check, gamma.Reason).ShouldBe((RiskCheck.PortfolioHeat,
            "portfolio heat 600.00 + 800.00 would exceed 6 % of equity 10000.00 = 600.00"));
        desk.Decisions.Select(d => d.Check).ShouldBe([RiskCheck.StrategyBudget, RiskCheck.PortfolioHeat, RiskCheck.PortfolioHeat]);
        desk.Allocator.Heat.ShouldBe(600m);
    }

    [Fact]
    public void Decide_ConfiguredLimits_AreTheOnesApplied()
    {
        var desk = new AllocatedKernel(new AllocationLimits { MaxStrategySharePct = 10m, UncertainRegimeFactor = 0.2m, MaxPortfolioHeatPct = 50m });

        desk.Buy("alpha", 0.4m).Quantity.ShouldBe(2m); // 10 % × 0.2 of 10,000 at 100
    }

    [Fact]
    public void Decide_StrategySells_SellsOnlyItsOwnHolding()
    {
        var desk = new AllocatedKernel(policy: new ExecutionPolicy { StopLossPct = 2m });
        desk.Trend();
        desk.Buy("alpha", 0.1m);
        desk.Buy("beta", 0.2m);

        desk.Sell("alpha", 110m).Quantity.ShouldBe(10m);

        desk.Kernel.Account.Quantity(Orders.BtcUsdt).ShouldBe(20m);
        desk.Allocator.Held("beta", Orders.BtcUsdt, out _).ShouldBe(20m);
        var alpha = desk.Allocator.SleeveOf("alpha", Orders.BtcUsdt);
        (alpha.Quantity, alpha.Trades, alpha.Wins, alpha.RealizedPnl).ShouldBe((0m, 1, 1, 100m));
        desk.Sell("gamma").Check.ShouldBe(RiskCheck.Sizing);
    }

    [Fact]
    public void Book_FillOfNoStrategysOrder_ClosesEverySleeveInProportion()
    {
        var desk = new AllocatedKernel(policy: new ExecutionPolicy { StopLossPct = 2m });
        desk.Trend();
        desk.Buy("alpha", 0.1m);
        desk.Buy("beta", 0.2m);

        desk.Kernel.Book(Orders.Fill(30m, 90m, orderId: "stop-1", side: OrderSide.Sell, id: "f-stop"));

        desk.Allocator.SleeveOf("alpha", Orders.BtcUsdt).RealizedPnl.ShouldBe(-100m);
        desk.Allocator.SleeveOf("beta", Orders.BtcUsdt).RealizedPnl.ShouldBe(-200m);
        desk.Allocator.Heat.ShouldBe(0m);
    }

    [Fact]
    public void Decide_IntentWithoutStrategy_IsNotAllocated()
    {
        var desk = new AllocatedKernel();

        desk.Kernel.Decide(new OrderIntent(Orders.BtcUsdt, OrderSide.Buy, 40m, SignalPrice: 100m), out _).Quantity.ShouldBe(40m);
        desk.Decisions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, 0.5, 6)]
    [InlineData(101, 0.5, 6)]
    [InlineData(25, -0.1, 6)]
    [InlineData(25, 1.5, 6)]
    [InlineData(25, 0.5, 0)]
    public void Constructor_LimitsOutOfRange_Throw(decimal share, decimal factor, decimal heat)
    {
        Should.Throw<ArgumentException>(() => new CapitalAllocator(new AllocationLimits
        {
            MaxStrategySharePct = share, UncertainRegimeFactor = factor, MaxPortfolioHeatPct = heat,
        }));
    }
}
