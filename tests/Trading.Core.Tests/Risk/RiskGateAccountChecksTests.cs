using Shouldly;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Tests.Risk;

/// <summary>Trading state, trading hours, daily loss and drawdown: each denies at its threshold and allows just under.</summary>
public class RiskGateAccountChecksTests
{
    private static readonly RiskLimits Limits = new() { DailyLossLimitPct = 5m, MaxDrawdownPct = 20m, MaxOpenPositions = 2, MaxPositionFraction = 0.1m, PriceMoveGuardPct = 1m };
    private readonly TestRiskContext _context = new();

    private static OrderRequest Buy(decimal quantity = 1m) => new(TestRiskContext.Btc, OrderSide.Buy, quantity, SignalPrice: 100m);

    private static OrderRequest Sell(decimal quantity = 1m) => new(TestRiskContext.Btc, OrderSide.Sell, quantity, SignalPrice: 100m);

    [Fact]
    public void Evaluate_DefaultContext_AllowsRoundedOrder()
    {
        var decision = new RiskGate(Limits).Evaluate(Buy(1.23456m), _context);

        decision.IsAllowed.ShouldBeTrue(decision.ToString());
        decision.Quantity.ShouldBe(1.234m);
    }

    [Fact]
    public void Evaluate_Halted_DeniesEntriesAndExits()
    {
        var gate = new RiskGate(Limits, TradingState.Halted);
        _context.Positions[TestRiskContext.Btc] = 1m;

        gate.Evaluate(Buy(), _context).Check.ShouldBe(RiskCheck.TradingState);
        gate.Evaluate(Sell(), _context).Check.ShouldBe(RiskCheck.TradingState);
    }

    [Fact]
    public void Evaluate_Reducing_AllowsOnlyExits()
    {
        var gate = new RiskGate(Limits, TradingState.Reducing);
        _context.Positions[TestRiskContext.Btc] = 1m;

        var entry = gate.Evaluate(Buy(), _context);
        entry.Check.ShouldBe(RiskCheck.TradingState);
        entry.Reason!.ShouldContain("REDUCING");
        gate.Evaluate(Sell(), _context).IsAllowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData(8, 59, false)]
    [InlineData(9, 0, true)]
    [InlineData(16, 59, true)]
    [InlineData(17, 0, false)]
    public void Evaluate_TradingHours_DeniesFromWindowEnd(int hour, int minute, bool allowed)
    {
        var gate = new RiskGate(Limits with { TradingHours = new TradingHoursWindow(new TimeOnly(9, 0), new TimeOnly(17, 0)) });
        _context.Now = new DateTimeOffset(2024, 1, 1, hour, minute, 0, TimeSpan.Zero);

        var decision = gate.Evaluate(Buy(), _context);

        decision.IsAllowed.ShouldBe(allowed);
        if (!allowed) decision.Check.ShouldBe(RiskCheck.TradingHours);
    }

    [Fact]
    public void TradingHoursWindow_WrapsMidnight()
    {
        var window = new TradingHoursWindow(new TimeOnly(22, 0), new TimeOnly(2, 0));

        window.Contains(new DateTimeOffset(2024, 1, 1, 1, 0, 0, TimeSpan.Zero)).ShouldBeTrue();
        window.Contains(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(9_500.00, false)]   // exactly 5% down
    [InlineData(9_500.01, true)]    // just under the limit
    public void Evaluate_DailyLoss_DeniesAtLimit(decimal equity, bool allowed)
    {
        _context.Equity = equity;

        var decision = new RiskGate(Limits).Evaluate(Buy(), _context);

        decision.IsAllowed.ShouldBe(allowed);
        if (!allowed) decision.Check.ShouldBe(RiskCheck.DailyLossLimit);
    }

    [Fact]
    public void Evaluate_DailyLossHit_HaltsEntriesUntilNextUtcDayButAllowsExits()
    {
        var gate = new RiskGate(Limits);
        _context.Positions[TestRiskContext.Btc] = 1m;
        _context.Equity = 9_400m;
        gate.Evaluate(Buy(), _context).Check.ShouldBe(RiskCheck.DailyLossLimit);

        _context.Equity = 10_000m;
        gate.Evaluate(Buy(), _context).Check.ShouldBe(RiskCheck.DailyLossLimit);
        gate.Evaluate(Sell(), _context).IsAllowed.ShouldBeTrue();
        gate.EntriesHaltedOn.ShouldBe(new DateOnly(2024, 1, 1));

        _context.Now = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
        gate.Evaluate(Buy(), _context).IsAllowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData(8_000.00, false)]   // exactly 20% below the peak
    [InlineData(8_000.01, true)]
    public void Evaluate_MaxDrawdown_DeniesAndEngagesKillSwitchAtLimit(decimal equity, bool allowed)
    {
        var gate = new RiskGate(Limits);
        var changes = new List<TradingState>();
        gate.StateChanged += (state, _) => changes.Add(state);
        _context.Equity = _context.DayStartEquity = equity;

        var decision = gate.Evaluate(Buy(), _context);

        decision.IsAllowed.ShouldBe(allowed);
        gate.State.ShouldBe(allowed ? TradingState.Active : TradingState.Halted);
        changes.ShouldBe(allowed ? [] : [TradingState.Halted]);
        if (!allowed) decision.Check.ShouldBe(RiskCheck.MaxDrawdown);
    }

    [Fact]
    public void Monitor_DrawdownBreached_EngagesKillSwitchWithoutAnOrder()
    {
        var gate = new RiskGate(Limits);
        _context.Equity = _context.DayStartEquity = 7_999m;

        gate.Monitor(_context);

        gate.State.ShouldBe(TradingState.Halted);
        _context.Equity = _context.DayStartEquity = 10_000m;
        gate.Evaluate(Buy(), _context).Check.ShouldBe(RiskCheck.TradingState);
    }

    [Fact]
    public void Evaluate_SeveralFailures_FirstCheckInOrderWins()
    {
        var gate = new RiskGate(Limits, TradingState.Reducing);
        _context.IsMarketConnectionHealthy = false;
        _context.Equity = 1m;

        gate.Evaluate(Buy(), _context).Check.ShouldBe(RiskCheck.TradingState);
    }
}
