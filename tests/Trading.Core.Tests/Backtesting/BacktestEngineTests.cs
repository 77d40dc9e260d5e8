using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Model;

namespace Trading.Core.Tests.Backtesting;

public class BacktestEngineTests
{
    private static readonly BacktestSettings Settings = new() { InitialBalance = 1_000m, FeeBps = 10m, SlippageBps = 20m };

    [Fact]
    public void Run_BuyThenSell_FillsAtNextOpenWithSlippageAndFees()
    {
        var data = EngineCandles.Rising(10);
        var strategy = new ScriptedStrategy((2, OrderSide.Buy, 2m), (5, OrderSide.Sell, 2m));

        var result = EngineRunner.Run(strategy, data, Settings);

        // Buy decided on candle 2 fills at candle 3's open 103 × (1 + 0.002) = 103.206 (on the 0.01 tick: up to 103.21).
        // Cost 2 × 103.21 = 206.42, fee 0.20642. Sell decided on candle 5 fills at candle 6's open 106 × 0.998 = 105.788
        // → 105.78 (tick, down). Proceeds 211.56, fee 0.21156.
        result.Fills.Count.ShouldBe(2);
        result.Fills[0].Price.ShouldBe(103.21m);
        result.Fills[0].Time.ToUnixTimeMilliseconds().ShouldBe(EngineCandles.T0 + 3 * 60_000);
        result.Fills[0].Fee.ShouldBe(0.20642m);
        result.Fills[1].Price.ShouldBe(105.78m);
        result.Fills[1].Fee.ShouldBe(0.21156m);
        // Final cash = 1000 − 206.42 − 0.20642 + 211.56 − 0.21156 = 1004.72202.
        result.Statistics.FinalBalance.ShouldBe(1004.72202m);
        result.Statistics.FeesPaid.ShouldBe(0.41798m);
        result.Trades.Count.ShouldBe(1);
        result.Trades[0].Pnl.ShouldBe(4.72202m);
        result.Trades[0].EntryPrice.ShouldBe(103.21m);
        result.Trades[0].HoldingMs.ShouldBe(3 * 60_000);
        // In position at the closes of candles 3, 4 and 5: exposure 3 / 10.
        result.Statistics.Exposure.ShouldBe(0.3);
        // Equity at candle 4's close: cash 793.37358 + 2 × 104.5 = 1002.37358.
        result.Equity.Span[4].ShouldBe(1002.37358, 1e-9);
        result.FinalPosition.ShouldBe(0m);
    }

    [Fact]
    public void Run_StrategySeesPositionAfterFill()
    {
        var strategy = new ScriptedStrategy((1, OrderSide.Buy, 1m));
        EngineRunner.Run(strategy, EngineCandles.Rising(4), Settings);
        strategy.SeenPositions.ShouldBe([0m, 0m, 1m, 1m]);
    }

    [Fact]
    public void Run_BuyBeyondBalance_IsDeniedAndNothingFills()
    {
        var strategy = new ScriptedStrategy((1, OrderSide.Buy, 100m)); // 100 × ~102 is ten times the 1,000 equity
        var result = EngineRunner.Run(strategy, EngineCandles.Rising(5), Settings);

        result.Fills.ShouldBeEmpty();
        result.Orders.ShouldBe(0);
        result.Rejections.Keys.ShouldContain(k => k.StartsWith("MaxPositionSize", StringComparison.Ordinal));
        result.Statistics.FinalBalance.ShouldBe(1_000m);
    }

    [Fact]
    public void Run_SellMoreThanHeld_SellsOnlyThePosition()
    {
        var strategy = new ScriptedStrategy((1, OrderSide.Buy, 1m), (3, OrderSide.Sell, 5m));
        var result = EngineRunner.Run(strategy, EngineCandles.Rising(6), Settings);

        result.Fills.Select(f => f.Quantity).ShouldBe([1m, 1m]);
        result.FinalPosition.ShouldBe(0m);
    }

    [Fact]
    public void Run_SellWithNothingHeld_IsRecordedNotSent()
    {
        var strategy = new ScriptedStrategy((1, OrderSide.Sell, 1m));
        var result = EngineRunner.Run(strategy, EngineCandles.Rising(4), Settings);
        result.Orders.ShouldBe(0);
        result.Rejections.Keys.ShouldContain("sell signal with nothing held");
    }

    [Fact]
    public void Run_StopLossInsideCandle_ExitsAtStopMinusSlippage()
    {
        var candles = EngineCandles.Rising(6);
        candles[3] = EngineCandles.Bar(3, 103m, 103.5m, 95m, 97m); // falls through the stop at 98
        var strategy = new ScriptedStrategy((1, OrderSide.Buy, 1m)) { StopLoss = 98m };

        var result = EngineRunner.Run(strategy, candles, Settings);

        // Buy fills at candle 2's open 102 × 1.002 = 102.204 → 102.21. The stop fires on candle 3 at 98 × 0.998 = 97.804 → 97.80.
        result.Fills.Select(f => (f.Side, f.Price)).ShouldBe([(OrderSide.Buy, 102.21m), (OrderSide.Sell, 97.80m)]);
        result.FinalPosition.ShouldBe(0m);
        result.Trades.Single().Pnl.ShouldBeLessThan(0m);
    }

    [Fact]
    public void Run_SameInputsTwice_IdenticalResults()
    {
        var data = EngineCandles.Rising(50);
        string Serialize()
        {
            var strategy = new ScriptedStrategy((2, OrderSide.Buy, 1m), (9, OrderSide.Sell, 1m), (20, OrderSide.Buy, 2m), (40, OrderSide.Sell, 2m));
            var result = EngineRunner.Run(strategy, data, Settings);
            return System.Text.Json.JsonSerializer.Serialize(new { result.Statistics, result.Trades, result.Fills, Equity = result.Equity.ToArray() });
        }
        Serialize().ShouldBe(Serialize());
    }

    [Fact]
    public void Run_PartialExits_TradeStatisticsMatchTheClosedTradesAndFeesAreShared()
    {
        var strategy = new ScriptedStrategy(
            (1, OrderSide.Buy, 1m), (2, OrderSide.Buy, 2m), (4, OrderSide.Sell, 1m), (6, OrderSide.Sell, 2m), (8, OrderSide.Sell, 1m));

        var result = EngineRunner.Run(strategy, EngineCandles.Rising(12), Settings);

        // The last sell finds nothing held: three fills of 1 + 2 bought, 1 + 2 sold, two trades.
        result.Trades.Count.ShouldBe(2);
        var s = result.Statistics;
        s.Trades.ShouldBe(2);
        s.WinRate.ShouldBe(result.Trades.Count(t => t.Pnl > 0) / 2.0);
        s.LargestWin.ShouldBe(result.Trades.Max(t => t.Pnl));
        s.AverageHoldingMs.ShouldBe((long)result.Trades.Average(t => t.HoldingMs));
        result.Trades.Sum(t => t.Quantity).ShouldBe(3m);
        // Entry fees are shared by quantity: the first exit (1 of 3) carries a third of both buys' fees.
        var buyFees = result.Fills[0].Fee + result.Fills[1].Fee;
        result.Trades[0].Fees.ShouldBe(buyFees / 3m + result.Fills[2].Fee);
        result.Trades.Sum(t => t.Fees).ShouldBe(result.Fills.Sum(f => f.Fee), 0.0000000001m);
    }

    [Fact]
    public void Run_BadBalance_Throws()
    {
        Should.Throw<ArgumentException>(() => EngineRunner.Run(new ScriptedStrategy(), EngineCandles.Rising(3), Settings with { InitialBalance = 0m }));
    }
}
