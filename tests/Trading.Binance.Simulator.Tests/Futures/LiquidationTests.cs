using Shouldly;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using static Trading.Binance.Simulator.Tests.Futures.FuturesSim;

namespace Trading.Binance.Simulator.Tests.Futures;

/// <summary>
/// Isolated positions are liquidated when the replayed mark price reaches their liquidation price, losing exactly their
/// margin. The expected liquidation price is docs/futures.md's formula worked by hand with BTCUSDT's first bracket
/// (MMR 0.4 %, cum 0): LP = (WB + cum − side × Q × EP) / (Q × MMR − side × Q).
/// </summary>
public sealed class LiquidationTests
{
    private static readonly long ReplayFrom = TestCandles.Start + 5 * 60_000L;

    /// <summary>Five history bars near 42,000; a bar that dips to 41,000 (no liquidation at 10×), then one that reaches 37,000 (long) or 47,000 (short).</summary>
    private static List<Candle> Candles(bool crashes) =>
    [
        .. TestCandles.Generate(5),
        Bar(ReplayFrom, 41_990m, 42_500m, 41_000m, 41_500m),
        crashes ? Bar(ReplayFrom + 60_000L, 41_500m, 41_600m, 37_000m, 37_500m) : Bar(ReplayFrom + 60_000L, 41_500m, 47_000m, 41_400m, 46_500m),
        Bar(ReplayFrom + 120_000L, 40_000m, 40_100m, 39_900m, 40_000m),
    ];

    [Theory]
    [InlineData("BUY", 1)]
    [InlineData("SELL", -1)]
    public async Task IsolatedPosition_MarkCrossesLiquidationPrice_LiquidatedThereLosingExactlyItsMargin(string side, int direction)
    {
        var candles = Candles(crashes: direction > 0);
        await using var h = await StartAsync(candles, ReplayFrom);
        await SetUpAsync(h, hedge: false, leverage: 10);
        var order = await MarketAsync(h, side, 0.01m);
        var entry = Dec(order, "avgPrice");
        const decimal quantity = 0.01m;
        var margin = quantity * entry / 10;
        var fee = quantity * entry * 0.0005m;
        var byHand = (margin + 0m - direction * quantity * entry) / (quantity * 0.004m - direction * quantity);
        var risk = (await OkAsync(h, HttpMethod.Get, "/fapi/v2/positionRisk", "symbol=BTCUSDT"))[0];

        await ReplayThroughAsync(h, Timeframe.M1, candles[^1].OpenTimeMs);

        Dec(risk, "liquidationPrice").ShouldBe(byHand, 0.000001m);
        byHand.ShouldBeInRange(direction > 0 ? 37_000m : 42_500m, direction > 0 ? 41_000m : 47_000m, "only the second replayed bar reaches it");
        var futures = h.Simulator.Futures;
        futures.Positions.ShouldBeEmpty();
        futures.WalletBalance.ShouldBe(10_000m - fee - margin);
        var loss = futures.Income.Where(i => i.IncomeType == "REALIZED_PNL").ShouldHaveSingleItem();
        loss.Amount.ShouldBe(-margin);
        loss.Info.ShouldBe("LIQUIDATION");
        loss.TimeMs.ShouldBe(candles[6].CloseTimeMs, "the bar that crossed it, not the one before");
        var autoclose = futures.Orders.Single(o => o.IsLiquidation);
        autoclose.ClientOrderId.ShouldStartWith("autoclose-");
        autoclose.Side.ShouldBe(direction > 0 ? OrderSide.Sell : OrderSide.Buy);
        (autoclose.AveragePrice - byHand).ShouldBeInRange(-0.000001m, 0.000001m);
        var shown = await OkAsync(h, HttpMethod.Get, "/fapi/v1/order", $"symbol=BTCUSDT&orderId={autoclose.OrderId}");
        shown.GetProperty("type").GetString().ShouldBe("LIQUIDATION");
    }

    [Fact]
    public async Task IsolatedLong_MarkStaysAboveLiquidationPrice_PositionKept()
    {
        var candles = Candles(crashes: false);
        await using var h = await StartAsync(candles, ReplayFrom);
        await SetUpAsync(h, hedge: false, leverage: 10);
        await MarketAsync(h, "BUY", 0.01m);

        await ReplayThroughAsync(h, Timeframe.M1, candles[^1].OpenTimeMs);

        var position = h.Simulator.Futures.Positions.ShouldHaveSingleItem();
        position.Amount.ShouldBe(0.01m);
        position.MarkPrice.ShouldBe(40_000m, "the last replayed close is the mark");
        h.Simulator.Futures.Orders.ShouldNotContain(o => o.IsLiquidation);
    }
}
