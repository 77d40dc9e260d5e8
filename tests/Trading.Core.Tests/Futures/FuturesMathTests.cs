using Shouldly;
using Trading.Core.Futures;
using Xunit;

namespace Trading.Core.Tests.Futures;

public sealed class FuturesMathTests
{
    private static LeverageBrackets Btc => KnownLeverageBrackets.BtcUsdt;

    [Fact]
    public void InitialMargin_NotionalOverLeverage_IsTheMarginOfTheIsolatedPosition() =>
        FuturesMath.InitialMargin(2m, 30_000m, 5).ShouldBe(12_000m);

    [Theory]
    [InlineData(1, 21_000, 500)]
    [InlineData(-1, 21_000, -500)]
    [InlineData(1, 19_000, -500)]
    [InlineData(-1, 19_000, 500)]
    public void UnrealizedPnl_LongAndShort_FollowTheMarkInOppositeDirections(int side, int mark, int expected) =>
        FuturesMath.UnrealizedPnl(side, 0.5m, 20_000m, mark).ShouldBe(expected);

    [Theory]
    [InlineData(1, 0.0001, -2)]
    [InlineData(-1, 0.0001, 2)]
    [InlineData(1, -0.0001, 2)]
    [InlineData(-1, -0.0001, -2)]
    public void Funding_PositiveRate_LongsPayShortsReceive(int side, double rate, int expected) =>
        FuturesMath.Funding(side, 1m, 20_000m, (decimal)rate).ShouldBe(expected);

    [Fact]
    public void LiquidationPrice_Bracket1Long_IsBinancesIsolatedFormula()
    {
        // (WB + cum − Q × EP) / (Q × MMR − Q) = (2,000 + 0 − 20,000) / (0.004 − 1)
        Math.Round(FuturesMath.LiquidationPrice(1, 1m, 20_000m, 2_000m, Btc), 2).ShouldBe(18_072.29m);
    }

    [Fact]
    public void LiquidationPrice_PositionInBracket2_UsesItsRateAndMaintenanceAmount()
    {
        // notional 100,000: bracket 2 (MMR 0.5 %, cum 50). Short 5 BTC at 20,000 with margin 20,000 (5x):
        // (20,000 + 50 + 100,000) / (5 × 0.005 + 5) = 23,890.55; still bracket 2 at that price (notional 119,452.74).
        Math.Round(FuturesMath.LiquidationPrice(-1, 5m, 20_000m, 20_000m, Btc), 2).ShouldBe(23_890.55m);
    }

    [Fact]
    public void LiquidationPrice_LongWithFullMargin_IsNeverBelowZero() =>
        FuturesMath.LiquidationPrice(1, 1m, 20_000m, 20_000m, Btc).ShouldBe(0m);

    [Fact]
    public void MaintenanceMargin_Bracket3_IsNotionalTimesRateLessTheAmount() =>
        FuturesMath.MaintenanceMargin(10m, 50_000m, Btc).ShouldBe(500_000m * 0.01m - 1_300m);

    [Fact]
    public void Fee_IsNotionalTimesRate() => FuturesMath.Fee(0.5m, 20_000m, 0.0005m).ShouldBe(5m);

    [Fact]
    public void BtcUsdtBrackets_MaintenanceAmounts_FollowBinancesRule()
    {
        // cum(n) = floor(n) × (MMR(n) − MMR(n−1)) + cum(n−1)
        var all = Btc.All;
        for (var i = 1; i < all.Count; i++)
            all[i].Cum.ShouldBe(all[i].NotionalFloor * (all[i].MaintMarginRatio - all[i - 1].MaintMarginRatio) + all[i - 1].Cum);
        Btc.MaxLeverage.ShouldBe(125);
        Btc.MaxLeverageFor(60_000m).ShouldBe(100);
    }
}
