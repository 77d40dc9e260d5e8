using System.Collections.Concurrent;
using Shouldly;
using Trading.Binance.Orders;
using Trading.Binance.Simulator;
using Trading.Binance.Streams;
using Trading.TestInfrastructure.Binance;
using Trading.Core.Model;
using Trading.TestInfrastructure;

namespace Trading.Binance.Simulator.Tests;

/// <summary>The hooks a benchmark steps and timestamps the simulator with: BeforeEachBar and RequestArrived.</summary>
public sealed class SimulatorHookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BeforeEachBar_OneReleasePerBar_StreamsExactlyThatManyClosedBars()
    {
        var candles = TestCandles.Generate(6);
        var step = new SemaphoreSlim(0);
        var options = new SimulatorOptions { BeforeEachBar = ct => step.WaitAsync(ct) };
        await using var sim = await SimulatorHarness.StartAsync(candles, options, replayFromMs: candles[0].OpenTimeMs);
        await using var stream = await BinanceKlineStream.ConnectAsync(sim.Simulator.WebSocketUrl, [(TestCandles.BtcUsdt, Timeframe.M1)], Ct);

        step.Release(2);
        var closed = new List<Candle>();
        while (closed.Count < 2)
        {
            if (await stream.ReceiveAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct) is KlineUpdate { IsClosed: true } update)
                closed.Add(update.Candle);
        }

        closed.Select(c => c.OpenTimeMs).ShouldBe([candles[0].OpenTimeMs, candles[1].OpenTimeMs]);
        sim.Simulator.Market.Get(TestCandles.BtcUsdt, Timeframe.M1).Cursor.ShouldBe(2);
    }

    [Fact]
    public async Task RequestArrived_OrderPost_ReportedWithMethodAndPathBeforeTheAnswer()
    {
        var arrivals = new ConcurrentQueue<(string Method, string Path, int OrdersAtArrival)>();
        TradingHarness? harness = null;
        var options = new SimulatorOptions
        {
            RequestArrived = (method, path) => arrivals.Enqueue((method, path, harness?.Exchange.Orders.Count ?? -1)),
        };
        await using var h = harness = await TradingHarness.StartAsync(options: options);

        var placement = await h.Client.PlaceOrderAsync(TradingHarness.Market(OrderSide.Buy, 0.01m, "hooked"), Ct);

        placement.Outcome.ShouldBe(PlacementOutcome.Placed);
        arrivals.ShouldContain(a => a.Method == "POST" && a.Path == "/api/v3/order" && a.OrdersAtArrival == 0);
    }
}
