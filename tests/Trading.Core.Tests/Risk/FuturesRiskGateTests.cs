using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Risk;
using Xunit;

namespace Trading.Core.Tests.Risk;

public sealed class FuturesRiskGateTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly FuturesRiskGate Gate = new(new FuturesRiskLimits());

    private static RiskDecision Evaluate(FuturesAccount account, decimal quantity, int leverage, int direction = 1, bool reduceOnly = false, FuturesRiskGate? gate = null) =>
        (gate ?? Gate).Evaluate(new FuturesOrderRequest(Btc, PositionSide.Both, direction, quantity, 20_000m, leverage, reduceOnly), account,
            KnownLeverageBrackets.BtcUsdt, BacktestSettings.DefaultFilters, TradingState.Active, 0.0005m);

    [Fact]
    public void Evaluate_2xWithinExposure_IsAllowed() => Evaluate(new FuturesAccount(10_000m), 0.25m, 2).IsAllowed.ShouldBeTrue();

    [Fact]
    public void Evaluate_LeverageAboveTheConfiguredMaximum_IsDeniedWithItsReason()
    {
        var decision = Evaluate(new FuturesAccount(10_000m), 0.25m, 3);

        decision.Check.ShouldBe(RiskCheck.Leverage);
        decision.Reason.ShouldBe("leverage 3x is above the maximum 2x");
    }

    [Fact]
    public void Evaluate_LeverageAboveTheBracket_IsDenied()
    {
        var gate = new FuturesRiskGate(FuturesRiskLimits.Backtest);

        // 5 BTC at 20,000 = 100,000 notional: bracket 2, at most 100x.
        Evaluate(new FuturesAccount(10_000m), 5m, 110, gate: gate).Check.ShouldBe(RiskCheck.Leverage);
    }

    [Fact]
    public void Evaluate_LiquidationCloserThanTheMinimumDistance_IsDenied()
    {
        var gate = new FuturesRiskGate(new FuturesRiskLimits { MaxLeverage = 20, MinLiquidationDistancePct = 10m, MaxExposurePct = 12_500m });

        // 20x: the liquidation price sits about 4.6 % from the entry.
        var decision = Evaluate(new FuturesAccount(10_000m), 1m, 20, gate: gate);

        decision.Check.ShouldBe(RiskCheck.LiquidationDistance);
    }

    [Fact]
    public void Evaluate_MarginRatioAboveTheMaximum_IsDenied()
    {
        var gate = new FuturesRiskGate(new FuturesRiskLimits { MaxLeverage = 125, MinLiquidationDistancePct = 0m, MaxMarginRatioPct = 40m, MaxExposurePct = 12_500m });

        // 125x: maintenance 0.4 % of notional over margin 0.8 % = 50 %.
        Evaluate(new FuturesAccount(10_000m), 1m, 125, gate: gate).Check.ShouldBe(RiskCheck.MarginRatio);
    }

    [Fact]
    public void Evaluate_ExposureAboveAllOfEquity_IsDenied()
    {
        // 0.6 BTC at 20,000 = 12,000 notional > 100 % of 10,000 equity.
        var decision = Evaluate(new FuturesAccount(10_000m), 0.6m, 2);

        decision.Check.ShouldBe(RiskCheck.MaxExposure);
        decision.Reason!.ShouldContain("100%");
    }

    [Fact]
    public void Evaluate_ReduceOnlyLargerThanThePosition_IsDeniedAsAFlip()
    {
        var account = new FuturesAccount(10_000m);
        account.Open(Btc, PositionSide.Both, 1, 0.1m, 20_000m, 0m, 2, KnownLeverageBrackets.BtcUsdt, DateTimeOffset.UnixEpoch);

        Evaluate(account, 0.2m, 2, direction: -1, reduceOnly: true).Check.ShouldBe(RiskCheck.ReduceOnly);
        Evaluate(account, 0.1m, 2, direction: -1, reduceOnly: true).IsAllowed.ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_HaltedTradingState_DeniesEvenAnExit()
    {
        var decision = Gate.Evaluate(new FuturesOrderRequest(Btc, PositionSide.Both, 1, 0.1m, 20_000m, 2, false), new FuturesAccount(10_000m),
            KnownLeverageBrackets.BtcUsdt, BacktestSettings.DefaultFilters, TradingState.Halted, 0.0005m);

        decision.Check.ShouldBe(RiskCheck.TradingState);
    }

    [Theory]
    [InlineData(0, 10, 80, 100)]
    [InlineData(2, 100, 80, 100)]
    [InlineData(2, 10, 0, 100)]
    [InlineData(2, 10, 80, 0)]
    public void Validate_OutOfRangeLimit_Throws(int leverage, double distance, double marginRatio, double exposure) =>
        Should.Throw<ArgumentException>(() => new FuturesRiskLimits
        {
            MaxLeverage = leverage, MinLiquidationDistancePct = (decimal)distance, MaxMarginRatioPct = (decimal)marginRatio, MaxExposurePct = (decimal)exposure,
        }.Validate());
}
