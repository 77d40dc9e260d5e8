using Shouldly;
using Trading.Core.Futures;
using Trading.Core.Model;
using Xunit;

namespace Trading.Core.Tests.Futures;

public sealed class FuturesAccountTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_672_531_200_000);

    [Fact]
    public void Open_IsolatedLong_HoldsInitialMarginAndChargesTheFee()
    {
        var account = new FuturesAccount(10_000m);

        var position = account.Open(Btc, PositionSide.Both, 1, 1m, 20_000m, 10m, 4, KnownLeverageBrackets.BtcUsdt, T0);

        position.IsolatedMargin.ShouldBe(5_000m);
        account.WalletBalance.ShouldBe(9_990m);
        account.AvailableBalance.ShouldBe(4_990m);
        position.Leverage.ShouldBe(4);
        position.LiquidationPrice.ShouldBeGreaterThan(0m);
        position.LiquidationPrice.ShouldBeLessThan(20_000m);
    }

    [Fact]
    public void Open_HedgeModeLongAndShort_AreTwoPositionsOnOneSymbol()
    {
        var account = new FuturesAccount(10_000m);

        account.Open(Btc, PositionSide.Long, 1, 0.1m, 20_000m, 0m, 2, KnownLeverageBrackets.BtcUsdt, T0);
        account.Open(Btc, PositionSide.Short, -1, 0.1m, 20_000m, 0m, 2, KnownLeverageBrackets.BtcUsdt, T0);
        account.Mark(Btc, 21_000m);

        account.Positions.Count.ShouldBe(2);
        account.Find(Btc, PositionSide.Long)!.UnrealizedPnl.ShouldBe(100m);
        account.Find(Btc, PositionSide.Short)!.UnrealizedPnl.ShouldBe(-100m);
        account.UnrealizedPnl.ShouldBe(0m);
    }

    [Fact]
    public void Reduce_HalfOfAShort_RealizesPnlAndReleasesHalfTheMargin()
    {
        var account = new FuturesAccount(10_000m);
        var position = account.Open(Btc, PositionSide.Both, -1, 1m, 20_000m, 0m, 2, KnownLeverageBrackets.BtcUsdt, T0);

        var pnl = account.Reduce(position, 0.5m, 19_000m, 1m);

        pnl.ShouldBe(500m);
        position.IsolatedMargin.ShouldBe(5_000m);
        account.WalletBalance.ShouldBe(10_499m);
    }

    [Fact]
    public void Reduce_MoreThanThePosition_IsRefusedAndChangesNothing()
    {
        var account = new FuturesAccount(10_000m);
        var position = account.Open(Btc, PositionSide.Both, 1, 1m, 20_000m, 0m, 2, KnownLeverageBrackets.BtcUsdt, T0);

        Should.Throw<InvalidOperationException>(() => account.Reduce(position, 1.5m, 21_000m, 0m));

        position.Quantity.ShouldBe(1m);
        account.WalletBalance.ShouldBe(10_000m);
    }

    [Fact]
    public void SettleFunding_ShortWithPositiveRate_IsReceivedIntoMarginAndWallet()
    {
        var account = new FuturesAccount(10_000m);
        var position = account.Open(Btc, PositionSide.Short, -1, 1m, 20_000m, 0m, 2, KnownLeverageBrackets.BtcUsdt, T0);
        var before = position.LiquidationPrice;

        var payment = account.SettleFunding(position, 0.0001m, 20_000m, T0.AddHours(8));

        payment.Amount.ShouldBe(2m);
        position.IsolatedMargin.ShouldBe(10_002m);
        account.WalletBalance.ShouldBe(10_002m);
        account.Funding.ShouldBe(2m);
        position.LiquidationPrice.ShouldBeGreaterThan(before);
    }

    [Fact]
    public void IsLiquidatedBy_LongByItsLowShortByItsHigh()
    {
        var account = new FuturesAccount(10_000m);
        var longPosition = account.Open(Btc, PositionSide.Long, 1, 1m, 20_000m, 0m, 2, KnownLeverageBrackets.BtcUsdt, T0);
        var shortPosition = account.Open(Btc, PositionSide.Short, -1, 0.1m, 20_000m, 0m, 2, KnownLeverageBrackets.BtcUsdt, T0);

        longPosition.IsLiquidatedBy(longPosition.LiquidationPrice + 0.01m, 40_000m).ShouldBeFalse();
        longPosition.IsLiquidatedBy(longPosition.LiquidationPrice, 20_000m).ShouldBeTrue();
        shortPosition.IsLiquidatedBy(1m, shortPosition.LiquidationPrice - 0.01m).ShouldBeFalse();
        shortPosition.IsLiquidatedBy(20_000m, shortPosition.LiquidationPrice).ShouldBeTrue();
    }

    [Fact]
    public void Liquidate_LosesExactlyTheIsolatedMargin()
    {
        var account = new FuturesAccount(10_000m);
        var position = account.Open(Btc, PositionSide.Both, 1, 1m, 20_000m, 0m, 5, KnownLeverageBrackets.BtcUsdt, T0);

        var loss = account.Liquidate(position);

        loss.ShouldBe(-4_000m);
        account.WalletBalance.ShouldBe(6_000m);
        account.Positions.ShouldBeEmpty();
        account.Liquidations.ShouldBe(1);
    }
}
