using Shouldly;
using Trading.Core.Model;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;
using static Trading.Core.Tests.Strategies.StrategyHarness;

namespace Trading.Core.Tests.Strategies.BuiltIn;

public sealed class GridStrategyTests
{
    // Levels 100, 110, 120, 130, 140 (4 zones).
    private static GridStrategy Grid()
    {
        var grid = new GridStrategy();
        grid.Configure(Params(("lower", "100"), ("upper", "140"), ("grid_count", "4"), ("quantity", "0.5")));
        return grid;
    }

    [Fact]
    public void OnCandle_CrossDownThenUpOneLevel_BuysThenSellsOnce()
    {
        // 125 -> 118 crosses down 120 (buy lot 2), 129 -> 131 crosses up 130 (sell lot 2).
        var signals = Run(Grid(), CandleFactory.FromCloses(125, 118, 122, 129, 131, 135));
        Sides(signals).ShouldBe("B@1 S@4");
        signals[0].Signal.Quantity.ShouldBe(0.5m);
        signals[0].Signal.Price.ShouldBe(118m);
        signals[1].Signal.Quantity.ShouldBe(0.5m);
    }

    [Fact]
    public void OnCandle_BouncesInsideZoneAndAroundLevel_SignalsOnlyOnce()
    {
        // Down through 120 once, then bounces 118..121 across 120 and inside the 110-120 zone: no new signals.
        var signals = Run(Grid(), CandleFactory.FromCloses(125, 118, 121, 119, 120, 112, 119, 115, 118));
        Sides(signals).ShouldBe("B@1");
    }

    [Fact]
    public void OnCandle_GapThroughSeveralLevels_OneSignalWithOneLotPerLevel()
    {
        var signals = Run(Grid(), CandleFactory.FromCloses(135, 105, 141));
        Sides(signals).ShouldBe("B@1 S@2");
        signals[0].Signal.Quantity.ShouldBe(1.5m); // levels 130, 120, 110
        signals[1].Signal.Quantity.ShouldBe(1.5m); // lots 1..3 sold crossing up 120, 130, 140
    }

    [Fact]
    public void OnCandle_CloseExactlyOnLevel_CountsAsAtOrAbove()
    {
        // 120 is not below 120: no cross down. 119 is: buy. Back to exactly 130 is a cross up through 130: sell.
        var signals = Run(Grid(), CandleFactory.FromCloses(125, 120, 119, 130));
        Sides(signals).ShouldBe("B@2 S@3");
    }

    [Fact]
    public void OnCandle_CrossUpWithoutPosition_DoesNotSell()
    {
        var grid = Grid();
        var context = new StrategyContext(CandleFactory.Btc, Timeframe.M1);
        var candles = CandleFactory.FromCloses(125, 118, 131);
        grid.OnCandle(candles[0], context).ShouldBeNull();
        grid.OnCandle(candles[1], context).ShouldNotBeNull().Side.ShouldBe(OrderSide.Buy);
        grid.OnCandle(candles[2], context).ShouldBeNull(); // position stayed 0 (never filled)
    }

    [Fact]
    public void Configure_UpperNotAboveLower_Throws()
    {
        var grid = new GridStrategy();
        var error = Should.Throw<StrategyConfigurationException>(() => grid.Configure(Params(("lower", "200"), ("upper", "100"))));
        error.Message.ShouldBe("Strategy 'grid': upper (100) must be greater than lower (200).");
        grid.Values["lower"].ShouldBe("20000");
    }

    [Fact]
    public void Reset_AfterBuy_ForgetsHeldLots()
    {
        var grid = Grid();
        Run(grid, CandleFactory.FromCloses(125, 118));
        grid.Reset();
        Sides(Run(grid, CandleFactory.FromCloses(125, 118))).ShouldBe("B@1");
    }
}
