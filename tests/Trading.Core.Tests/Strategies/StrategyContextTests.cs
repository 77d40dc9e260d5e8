using Shouldly;
using Trading.Core.Model;
using Trading.Core.Strategies;

namespace Trading.Core.Tests.Strategies;

public sealed class StrategyContextTests
{
    private static readonly Symbol Eth = new("ETHUSDT");

    [Fact]
    public void Observe_DeclaredExtraSeries_LatestClosedCandleIsReadable()
    {
        var context = new StrategyContext(CandleFactory.Btc, Timeframe.M1, "bot", [new StrategyInput(null, Timeframe.H1), new StrategyInput(Eth, Timeframe.M1)]);
        context.ExtraSeries.ShouldBe([(CandleFactory.Btc, Timeframe.H1), (Eth, Timeframe.M1)]);
        var hour = Candle.Create(CandleFactory.Btc, Timeframe.H1, 1_699_999_200_000, 10, 12, 9, 11, 1);
        var minute = CandleFactory.Bar(0, 11, 11, 11, 11);

        context.TryGetLatest(CandleFactory.Btc, Timeframe.H1, out _).ShouldBeFalse();
        context.Observe(hour);
        context.Observe(minute);

        context.TryGetLatest(CandleFactory.Btc, Timeframe.H1, out var latest).ShouldBeTrue();
        latest.ShouldBe(hour);
        context.TimeMs.ShouldBe(minute.CloseTimeMs);
    }

    [Fact]
    public void CloseOf_ObservedByEngine_GivesEngineValueElseConvertsTheCandle()
    {
        var context = new StrategyContext(CandleFactory.Btc, Timeframe.M1);
        var first = CandleFactory.Bar(0, 11, 12, 11, 11.25m);
        var second = CandleFactory.Bar(1, 12, 13, 12, 12.5m);
        var otherSymbol = Candle.Create(Eth, Timeframe.M1, first.OpenTimeMs, 3, 4, 3, 3.5m, 1);

        context.CloseOf(first).ShouldBe(11.25);
        context.Observe(first, 0, 99); // a value the engine converted up front; a distinct one shows which is read

        context.CloseOf(first).ShouldBe(99);
        context.CloseOf(second).ShouldBe(12.5);
        context.CloseOf(otherSymbol).ShouldBe(3.5);
        context.Clear();
        context.CloseOf(first).ShouldBe(11.25);
    }

    [Fact]
    public void SetPosition_OwnAndOtherSymbol_AreKeptApart()
    {
        var context = new StrategyContext(CandleFactory.Btc, Timeframe.M1);
        context.SetPosition(CandleFactory.Btc, 1.5m);
        context.SetPosition(Eth, 2m);
        context.PositionQuantity.ShouldBe(1.5m);
        context.GetPosition(Eth).ShouldBe(2m);
        context.Clear();
        context.GetPosition(Eth).ShouldBe(0m);
        context.PositionQuantity.ShouldBe(0m);
    }

    [Fact]
    public void SetOwnPosition_CostBasis_AveragePriceIsCostOverQuantityUntilOverwritten()
    {
        var context = new StrategyContext(CandleFactory.Btc, Timeframe.M1);
        context.SetOwnPosition(0.003m, 120.369m);
        context.PositionQuantity.ShouldBe(0.003m);
        context.PositionAveragePrice.ShouldBe(120.369m / 0.003m);

        context.SetOwnPosition(0m, 0m);
        context.PositionAveragePrice.ShouldBe(0m);

        context.SetOwnPosition(2m, 7m);
        context.PositionAveragePrice = 5m;
        context.PositionAveragePrice.ShouldBe(5m);
        context.SetOwnPosition(2m, 7m);
        context.Clear();
        context.PositionAveragePrice.ShouldBe(0m);
    }
}
