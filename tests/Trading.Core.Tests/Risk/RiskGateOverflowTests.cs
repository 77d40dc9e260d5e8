using Shouldly;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Tests.Risk;

/// <summary>A quantity whose value decimal cannot hold is a denial with a reason, never an <see cref="OverflowException"/>.</summary>
public class RiskGateOverflowTests
{
    private readonly RiskGate _gate = new(new RiskLimits());
    private readonly TestRiskContext _context = new();

    [Theory]
    [InlineData(OrderSide.Buy, RiskCheck.MaxPositionSize)]
    [InlineData(OrderSide.Sell, RiskCheck.AvailableBalance)]
    public void Evaluate_DecimalMaxValueQuantity_DeniedWithReason(OrderSide side, RiskCheck check)
    {
        _context.Positions[TestRiskContext.Btc] = 1m;

        var decision = _gate.Evaluate(new OrderRequest(TestRiskContext.Btc, side, decimal.MaxValue, null, 100m), _context);

        decision.IsAllowed.ShouldBeFalse();
        decision.Check.ShouldBe(check);
        decision.Reason.ShouldNotBeNull().ShouldContain("worth more than any account can hold");
    }

    [Fact]
    public void TryCompute_Overflow_Null() => OrderValue.TryCompute(1m, decimal.MaxValue, 2m, 1m).ShouldBeNull();

    [Fact]
    public void TryCompute_Ordinary_TheValue() => OrderValue.TryCompute(1m, 2m, 100m, 1.001m).ShouldBe(300.3m);
}
