using Trading.TestInfrastructure;
using Shouldly;
using Trading.Binance.Simulator;
using Trading.Binance.Streams;
using Trading.Core.Model;

using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Tests.Streams;

public sealed class BinanceKlineStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReceiveAsync_FastReplay_GivesOpenUpdateThenClosedBarForEachBar()
    {
        var candles = TestCandles.Generate(3);
        await using var sim = await SimulatorHarness.StartAsync(candles, replayFromMs: candles[0].OpenTimeMs);
        await using var stream = await BinanceKlineStream.ConnectAsync(sim.Simulator.WebSocketUrl, [(TestCandles.BtcUsdt, Timeframe.M1)], Ct);

        var updates = new List<KlineUpdate>();
        for (var i = 0; i < 6; i++) updates.Add((KlineUpdate)(await stream.ReceiveAsync(Ct))!);

        updates.Select(u => u.IsClosed).ShouldBe([false, true, false, true, false, true]);
        updates.Where(u => u.IsClosed).Select(u => u.Candle).ShouldBe(candles);
        updates[0].Candle.Close.ShouldBe(candles[0].Open);
    }

    [Fact]
    public async Task ReceiveAsync_RealTimeReplay_SpreadsEachBarOverItsDurationOnTheSimulatorClock()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var candles = TestCandles.Generate(2);
        await using var sim = await SimulatorHarness.StartAsync(candles, new SimulatorOptions { Time = time, Speed = 1 }, replayFromMs: candles[0].OpenTimeMs);
        await using var stream = await BinanceKlineStream.ConnectAsync(sim.Simulator.WebSocketUrl, [(TestCandles.BtcUsdt, Timeframe.M1)], Ct);
        var start = time.GetUtcNow();

        var updates = new List<(KlineUpdate Update, TimeSpan At)>();
        for (var i = 0; i < 4; i++)
        {
            var update = (KlineUpdate)(await time.AdvanceUntilDoneAsync(stream.ReceiveAsync(Ct), TimeSpan.FromSeconds(1)))!;
            updates.Add((update, time.GetUtcNow() - start));
        }

        updates.Select(u => u.Update.IsClosed).ShouldBe([false, false, true, false]);
        updates[0].At.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        updates[1].At.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        updates[2].At.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(60));
        updates[2].Update.Candle.ShouldBe(candles[0]);
    }

    [Fact]
    public async Task ReceiveAsync_MalformedFrameAndShutdown_AreReportedAndLaterBarsStillArrive()
    {
        var candles = TestCandles.Generate(3);
        await using var sim = await SimulatorHarness.StartAsync(candles, replayFromMs: candles[0].OpenTimeMs);
        sim.Simulator.Faults.ScheduleAtBar(1, new StreamFault(StreamFaultKind.Malformed));
        sim.Simulator.Faults.ScheduleAtBar(2, new StreamFault(StreamFaultKind.ServerShutdown));
        await using var stream = await BinanceKlineStream.ConnectAsync(sim.Simulator.WebSocketUrl, [(TestCandles.BtcUsdt, Timeframe.M1)], Ct);

        var messages = new List<StreamMessage>();
        for (var i = 0; i < 8; i++) messages.Add((await stream.ReceiveAsync(Ct))!);

        messages[2].ShouldBeOfType<MalformedFrame>();
        messages[5].ShouldBeOfType<ServerShutdown>();
        messages.OfType<KlineUpdate>().Where(u => u.IsClosed).Select(u => u.Candle).ShouldBe(candles);
    }

    [Theory]
    [InlineData("""{"stream":"btcusdt@kline_1m","data":{"e":"kline","E":1,"s":"BTCUSDT","k":{"t":0,"T":59999,"s":"BTCUSDT","i":"1m","o":"-1","c":"1","h":"1","l":"1","v":"1","n":1,"x":true,"q":"1"}}}""")]
    [InlineData("""{"stream":"btcusdt@kline_1m","data":{"e":"kline","E":1,"s":"BTCUSDT","k":{"t":0,"T":59999,"s":"BTCUSDT","i":"7m","o":"1","c":"1","h":"1","l":"1","v":"1","n":1,"x":true,"q":"1"}}}""")]
    [InlineData("""{"stream":"btcusdt@kline_1m","data":{"e":"kline","E":1,"s":"BTCUSDT","k":{"t":0,"T":59999,"s":"BTCUSDT","i":"1m","o":"abc","c":"1","h":"1","l":"1","v":"1","n":1,"x":true,"q":"1"}}}""")]
    [InlineData("not json")]
    public void Parse_CorruptKline_ReturnsMalformedFrame(string frame) =>
        KlineStreamParser.Parse(System.Text.Encoding.UTF8.GetBytes(frame)).ShouldBeOfType<MalformedFrame>();

    [Fact]
    public void Parse_DocumentedExample_ReturnsOpenKlineUpdate()
    {
        // The documented example's low (0.0015) is above its open (0.0010), which no real bar can have; fix that one value.
        var json = File.ReadAllText(Path.Combine(TestInfrastructure.RepoPaths.SharedBinance, "examples", "kline-ws-event-combined.json"));

        var asDocumented = KlineStreamParser.Parse(System.Text.Encoding.UTF8.GetBytes(json)).ShouldBeOfType<MalformedFrame>();
        var update = KlineStreamParser.Parse(System.Text.Encoding.UTF8.GetBytes(json.Replace("\"0.0015\"", "\"0.0010\"", StringComparison.Ordinal)))
            .ShouldBeOfType<KlineUpdate>();

        asDocumented.Reason.ShouldContain("low");
        update.IsClosed.ShouldBeFalse();
        update.Candle.Symbol.Name.ShouldBe("BNBBTC");
        update.Candle.OpenTimeMs.ShouldBe(1672515780000);
        update.Candle.High.ShouldBe(0.0025m);
        update.Candle.TradeCount.ShouldBe(100);
        update.EventTimeMs.ShouldBe(1672515782136);
    }
}
