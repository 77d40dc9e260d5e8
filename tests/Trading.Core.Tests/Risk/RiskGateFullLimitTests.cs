using Shouldly;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Tests.Risk;

/// <summary>Limits of 100 % (the backtest default): they hold while equity is positive and still fire when it is all gone.</summary>
public class RiskGateFullLimitTests
{
    private static readonly RiskLimits FullLimits = new() { DailyLossLimitPct = 100m, MaxDrawdownPct = 100m, MaxOpenPositions = 1, MaxPositionFraction = 1m, PriceMoveGuardPct = null };
    private readonly TestRiskContext _context = new();

    private static OrderRequest Buy() => new(TestRiskContext.Btc, OrderSide.Buy, 0.1m, SignalPrice: 100m);

    [Fact]
    public void Evaluate_FullLimitsWithAlmostNothingLeft_Allows()
    {
        _context.Equity = 0.0001m;
        _context.AvailableQuote = 1_000m;
        var gate = new RiskGate(FullLimits);

        var decision = gate.Evaluate(Buy(), _context);

        decision.Check.ShouldNotBe(RiskCheck.MaxDrawdown);
        decision.Check.ShouldNotBe(RiskCheck.DailyLossLimit);
        gate.State.ShouldBe(TradingState.Active);
    }

    [Fact]
    public void Evaluate_FullDailyLossLimitWithZeroEquity_DeniesEntry()
    {
        _context.Equity = 0m;
        var gate = new RiskGate(FullLimits);

        gate.Evaluate(Buy(), _context).Check.ShouldBe(RiskCheck.DailyLossLimit);
    }

    [Fact]
    public void Monitor_FullDrawdownLimitWithZeroEquity_Halts()
    {
        _context.Equity = 0m;
        var gate = new RiskGate(FullLimits);

        gate.Monitor(_context);

        gate.State.ShouldBe(TradingState.Halted);
    }
}
