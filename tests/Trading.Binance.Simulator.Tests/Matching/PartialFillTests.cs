using Shouldly;
using Trading.Binance.Streams;
using Trading.Binance.UserData;
using Trading.Core.Model;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Simulator.Tests.Matching;

/// <summary>A resting limit on thin bars fills only as much as each bar traded, in parts, each part a user-data event.</summary>
public sealed class PartialFillTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Five history bars, then bars that trade down through 41,000 with 0.004 BTC of volume each.</summary>
    private static List<Candle> ThinBars()
    {
        var history = TestCandles.Generate(5);
        var thin = Enumerable.Range(5, 4).Select(i => new Candle(TestCandles.BtcUsdt, Timeframe.M1, TestCandles.Start + i * 60_000L,
            41_050m, 41_060m, 40_990m, 41_040m, 0.004m)).ToList();
        return [.. history, .. thin];
    }

    [Fact]
    public async Task RestingLimit_ThinBars_FillsInPartsBoundedByEachBarsVolume()
    {
        var candles = ThinBars();
        await using var h = await TradingHarness.StartAsync(candles, replayFromMs: candles[5].OpenTimeMs);
        var stream = h.NewUserDataStream();
        await stream.StartAsync(Ct);
        var placement = await h.Client.PlaceOrderAsync(TradingHarness.Limit(OrderSide.Buy, 0.01m, 41_000m, "thin"), Ct);

        await using (var klines = await BinanceKlineStream.ConnectAsync(h.Simulator.WebSocketUrl, [(TestCandles.BtcUsdt, Timeframe.M1)], Ct))
        {
            while (await klines.ReceiveAsync(Ct) is not KlineUpdate { IsClosed: true } update || update.Candle.OpenTimeMs != candles[7].OpenTimeMs) { }
        }
        var trades = new List<OrderUpdate>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (trades.Count < 3)
        {
            if (await stream.Updates.ReadAsync(timeout.Token) is OrderUpdate { ExecutionType: "TRADE" } trade) trades.Add(trade);
        }

        placement.Order!.Status.ShouldBe(OrderStatus.New);
        trades.Select(t => t.LastFill!.Quantity).ShouldBe([0.004m, 0.004m, 0.002m]);
        trades.Select(t => t.CumulativeQuantity).ShouldBe([0.004m, 0.008m, 0.01m]);
        trades.Select(t => t.Status).ShouldBe([OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled, OrderStatus.Filled]);
        trades.ShouldAllBe(t => t.LastFill!.Price == 41_000m && t.LastFill.IsMaker && t.LastFill.CommissionAsset == "BTC");
        h.Exchange.Balance("BTC").Free.ShouldBe(0.01m - 0.00001m);
        h.Exchange.Balance("USDT").ShouldBe(new Trading.Binance.Simulator.Matching.SimulatedBalance("USDT", 10_000m - 410m, 0m));
    }
}
