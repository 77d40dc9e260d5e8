using Shouldly;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Core.Tests.Execution;

public class FillModelTests
{
    private static Candle Bar(decimal open, decimal high, decimal low, decimal close) =>
        new(Orders.BtcUsdt, Timeframe.M1, Orders.T0.ToUnixTimeMilliseconds(), open, high, low, close, 1m);

    [Fact]
    public void MarketPrice_Slippage_MovesAgainstTheTrader()
    {
        var model = new FillModel(new FillModelOptions { SlippageBps = 10m });

        model.MarketPrice(OrderSide.Buy, 100m).ShouldBe(100.1m);
        model.MarketPrice(OrderSide.Sell, 100m).ShouldBe(99.9m);
    }

    [Fact]
    public void MarketPrice_WithTick_RoundsAgainstTheTrader()
    {
        var model = new FillModel(new FillModelOptions { SlippageBps = 10m });
        var filters = new SymbolFilters { TickSize = 0.5m };

        model.MarketPrice(OrderSide.Buy, 100m, filters).ShouldBe(100.5m);
        model.MarketPrice(OrderSide.Sell, 100m, filters).ShouldBe(99.5m);
    }

    [Theory]
    [InlineData(96, true, 96, false)]      // trades through: at the limit
    [InlineData(95, true, 95, false)]      // low == limit counts
    [InlineData(94.99, false, 0, false)]   // never reached
    [InlineData(101, true, 100, true)]     // open below the limit: at the open
    public void TryFillLimit_Buy_FillsWhenLowReachesLimit(decimal limit, bool fills, decimal price, bool atOpen)
    {
        var filled = FillModel.TryFillLimit(OrderSide.Buy, limit, Bar(100, 105, 95, 100), out var fillPrice, out var fillAtOpen);

        filled.ShouldBe(fills);
        if (fills) (fillPrice, fillAtOpen).ShouldBe((price, atOpen));
    }

    [Theory]
    [InlineData(104, true, 104, false)]
    [InlineData(105, true, 105, false)]
    [InlineData(105.01, false, 0, false)]
    [InlineData(99, true, 100, true)]
    public void TryFillLimit_Sell_FillsWhenHighReachesLimit(decimal limit, bool fills, decimal price, bool atOpen)
    {
        var filled = FillModel.TryFillLimit(OrderSide.Sell, limit, Bar(100, 105, 95, 100), out var fillPrice, out var fillAtOpen);

        filled.ShouldBe(fills);
        if (fills) (fillPrice, fillAtOpen).ShouldBe((price, atOpen));
    }

    [Theory]
    [InlineData(102, 95, true)]   // high 2 away, low 5 away: O→H→L→C
    [InlineData(105, 98, false)]  // low nearer: O→L→H→C
    [InlineData(103, 97, false)]  // tie: low first (pessimistic for a long)
    public void HighFirst_NearerExtremeComesFirst(decimal high, decimal low, bool expected)
    {
        FillModel.HighFirst(Bar(100, high, low, 100)).ShouldBe(expected);
    }

    [Fact]
    public void ResolveLongExit_BothHitHighNearer_TakeProfitFirst()
    {
        FillModel.ResolveLongExit(Bar(100, 105.5m, 94, 100), 95m, 105m).ShouldBe(new ExitResolution(ExitKind.TakeProfit, 105m, false));
    }

    [Fact]
    public void ResolveLongExit_BothHitLowNearer_StopLossFirst()
    {
        FillModel.ResolveLongExit(Bar(100, 107, 94, 100), 95m, 105m).ShouldBe(new ExitResolution(ExitKind.StopLoss, 95m, false));
    }

    [Fact]
    public void ResolveLongExit_OpenBelowStop_StopsAtTheOpen()
    {
        FillModel.ResolveLongExit(Bar(93, 106, 92, 100), 95m, 105m).ShouldBe(new ExitResolution(ExitKind.StopLoss, 93m, true));
    }

    [Fact]
    public void ResolveLongExit_OpenAboveTarget_TakesProfitAtTheOpen()
    {
        FillModel.ResolveLongExit(Bar(106, 107, 94, 100), 95m, 105m).ShouldBe(new ExitResolution(ExitKind.TakeProfit, 106m, true));
    }

    [Fact]
    public void ResolveLongExit_NeitherReached_None()
    {
        FillModel.ResolveLongExit(Bar(100, 104.99m, 95.01m, 100), 95m, 105m).Triggered.ShouldBeFalse();
    }

    [Fact]
    public void Fee_MakerAndTaker_InBasisPointsOfNotional()
    {
        var model = new FillModel(new FillModelOptions { MakerFeeBps = 2m, TakerFeeBps = 7.5m });

        model.Fee(1000m, isMaker: true).ShouldBe(0.2m);
        model.Fee(1000m, isMaker: false).ShouldBe(0.75m);
        new FillModel().Fee(1000m, isMaker: false).ShouldBe(1m);
    }

    [Fact]
    public void Constructor_NegativeFee_Throws()
    {
        Should.Throw<ArgumentException>(() => new FillModel(new FillModelOptions { TakerFeeBps = -1m }));
    }
}
