using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Model;
using Xunit;

namespace Trading.Core.Tests.Backtesting;

/// <summary>
/// The oracle: futures backtests checked against hand calculations from the formulas of docs/futures.md
/// (isolated margin, BTCUSDT bracket 1: maintenance margin rate 0.4 %, maintenance amount 0; taker fee 5 bps; no slippage).
/// </summary>
public sealed class FuturesBacktestOracleTests
{
    /// <summary>
    /// Short 0.5 BTC at 3x: sold at candle 0's close, filled at 01:00's open 20,000; funding 0.01 % at 08:00 (mark 20,200)
    /// and 16:00 (mark 19,800); bought back on candle 17, filled at 18:00's open 19,500.
    /// Hand calculation:
    /// notional 10,000; initial margin 10,000 / 3 = 3,333.33; entry fee 10,000 × 0.0005 = 5.
    /// liquidation (short) = (WB + cum + Q × EP) / (Q × MMR + Q) = (3,333.33 + 0 + 10,000) / (0.5 × 0.004 + 0.5) = 26,560.42.
    /// funding received (short, rate > 0): 0.5 × 20,200 × 0.0001 = 1.01 and 0.5 × 19,800 × 0.0001 = 0.99, total 2.00;
    /// each goes to the isolated margin: liquidation (3,333.33 + 2.00 + 10,000) / 0.502 = 26,564.41.
    /// exit fee 0.5 × 19,500 × 0.0005 = 4.875; PnL 0.5 × (20,000 − 19,500) = 250; net 250 − 5 − 4.875 + 2.00 = 242.125.
    /// </summary>
    [Fact]
    public void Run_ShortAt3xWithFunding_MatchesTheHandCalculationToTheCent()
    {
        var candles = FuturesCandles.Series(20, 20_000m,
            FuturesCandles.Bar(8, 20_200m, 20_300m, 20_100m, 20_200m),
            FuturesCandles.Bar(16, 19_800m, 19_900m, 19_700m, 19_800m),
            FuturesCandles.Bar(17, 19_600m, 19_700m, 19_500m, 19_600m),
            FuturesCandles.Bar(18, 19_500m, 19_600m, 19_400m, 19_500m),
            FuturesCandles.Bar(19, 19_500m, 19_600m, 19_400m, 19_500m));
        var strategy = new ScriptedStrategy((0, OrderSide.Sell, 0.5m), (17, OrderSide.Buy, 0.5m));

        var result = new BacktestEngine().Run(strategy, new BacktestData(candles), FuturesCandles.Settings(3, 0.0001m), ct: TestContext.Current.CancellationToken);

        var futures = result.Futures.ShouldNotBeNull();
        var trade = futures.Trades.ShouldHaveSingleItem();
        trade.SideName.ShouldBe("SHORT");
        trade.Leverage.ShouldBe(3);
        trade.Liquidated.ShouldBeFalse();
        Math.Round(trade.OpenLiquidationPrice, 2).ShouldBe(26_560.42m);
        Math.Round(trade.LiquidationPrice, 2).ShouldBe(26_564.41m);
        futures.Payments.Select(p => p.Amount).ShouldBe([1.01m, 0.99m]);
        futures.Payments.Select(p => p.Time.Hour).ShouldBe([8, 16]);
        futures.FundingReceived.ShouldBe(2.00m);
        futures.FundingPaid.ShouldBe(0m);
        trade.Funding.ShouldBe(2.00m);
        trade.Trade.EntryPrice.ShouldBe(20_000m);
        trade.Trade.ExitPrice.ShouldBe(19_500m);
        trade.Trade.Fees.ShouldBe(9.875m);
        trade.Trade.Pnl.ShouldBe(242.125m);
        result.Statistics.FinalBalance.ShouldBe(10_242.125m);
        result.FinalPosition.ShouldBe(0m);
    }

    /// <summary>
    /// Long 0.5 BTC at 3x from 20,000: liquidation (long) = (3,333.33 + 0 − 10,000) / (0.5 × 0.004 − 0.5) = 13,386.88. Hour 3's
    /// low of 13,000 crosses it: the position is liquidated at 13,386.88 and loses its margin 3,333.33 (not the 3,500 the
    /// low would mean), plus the 5 entry fee: final equity 10,000 − 3,338.33 = 6,661.67.
    /// </summary>
    [Fact]
    public void Run_LongCrossedByTheLow_LiquidatesAtTheLiquidationPriceWithTheLossCappedAtTheMargin()
    {
        var candles = FuturesCandles.Series(6, 20_000m, FuturesCandles.Bar(3, 19_000m, 19_100m, 13_000m, 14_000m),
            FuturesCandles.Bar(4, 14_000m, 14_100m, 13_900m, 14_000m), FuturesCandles.Bar(5, 14_000m, 14_100m, 13_900m, 14_000m));
        var strategy = new ScriptedStrategy((0, OrderSide.Buy, 0.5m));

        var result = new BacktestEngine().Run(strategy, new BacktestData(candles), FuturesCandles.Settings(3, 0m), ct: TestContext.Current.CancellationToken);

        var futures = result.Futures.ShouldNotBeNull();
        var trade = futures.Trades.ShouldHaveSingleItem();
        trade.Liquidated.ShouldBeTrue();
        trade.SideName.ShouldBe("LONG");
        Math.Round(trade.Trade.ExitPrice, 2).ShouldBe(13_386.88m);
        futures.Liquidations.ShouldBe(1);
        Math.Round(futures.LiquidationLoss, 2).ShouldBe(-3_333.33m);
        Math.Round(trade.Trade.Pnl, 2).ShouldBe(-3_338.33m);
        Math.Round(result.Statistics.FinalBalance, 2).ShouldBe(6_661.67m);
        result.FinalPosition.ShouldBe(0m);
    }

    [Fact]
    public void Run_ShortWhoseHighStaysBelowTheLiquidationPrice_IsNotLiquidated_ButOneCrossingItIs()
    {
        var near = FuturesCandles.Series(4, 20_000m, FuturesCandles.Bar(2, 20_000m, 26_560m, 19_900m, 20_000m));
        var crossing = FuturesCandles.Series(4, 20_000m, FuturesCandles.Bar(2, 20_000m, 26_561m, 19_900m, 20_000m));
        var settings = FuturesCandles.Settings(3, 0m);
        var engine = new BacktestEngine();
        var ct = TestContext.Current.CancellationToken;

        engine.Run(new ScriptedStrategy((0, OrderSide.Sell, 0.5m)), new BacktestData(near), settings, ct: ct).Futures!.Liquidations.ShouldBe(0);
        var result = engine.Run(new ScriptedStrategy((0, OrderSide.Sell, 0.5m)), new BacktestData(crossing), settings, ct: ct);

        result.Futures!.Liquidations.ShouldBe(1);
        Math.Round(result.Futures.Trades[0].Trade.ExitPrice, 2).ShouldBe(26_560.42m);
        Math.Round(result.Futures.LiquidationLoss, 2).ShouldBe(-3_333.33m);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 0.0001, -1.00)]
    [InlineData(OrderSide.Sell, 0.0001, 1.00)]
    [InlineData(OrderSide.Buy, -0.0001, 1.00)]
    [InlineData(OrderSide.Sell, -0.0001, -1.00)]
    public void Run_FundingAt08Utc_LongsPayAndShortsReceiveWhenTheRateIsPositive(OrderSide side, double rate, double expected)
    {
        var candles = FuturesCandles.Series(10, 20_000m);
        var settings = FuturesCandles.Settings(2, (decimal)rate);

        var result = new BacktestEngine().Run(new ScriptedStrategy((0, side, 0.5m)), new BacktestData(candles), settings, ct: TestContext.Current.CancellationToken);

        var payment = result.Futures!.Payments.ShouldHaveSingleItem();
        payment.Time.Hour.ShouldBe(8);
        payment.Amount.ShouldBe((decimal)expected);
        result.Futures.FundingSettlements.ShouldBe(1);
        // Equity at the end: 10,000 less the 5 entry fee plus the funding (the price never moved).
        result.Statistics.FinalBalance.ShouldBe(10_000m - 5m + (decimal)expected);
    }

    [Fact]
    public void Run_SpotSettings_OpensNoShortOnASellWhenFlat()
    {
        var candles = FuturesCandles.Series(4, 20_000m);
        var spot = FuturesCandles.Settings(1, 0m) with { Futures = null };

        var result = new BacktestEngine().Run(new ScriptedStrategy((0, OrderSide.Sell, 0.5m)), new BacktestData(candles), spot, ct: TestContext.Current.CancellationToken);

        result.Futures.ShouldBeNull();
        result.Fills.ShouldBeEmpty();
        result.FinalPosition.ShouldBe(0m);
    }

    [Fact]
    public void Run_LeverageAboveTheBracketMaximum_IsRefusedBeforeAnythingRuns()
    {
        var settings = FuturesCandles.Settings(126, 0m);

        var error = Should.Throw<ArgumentException>(() => new BacktestEngine().Run(new ScriptedStrategy(), new BacktestData(FuturesCandles.Series(2, 20_000m)), settings));

        error.Message.ShouldContain("125x");
    }
}
