using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Shouldly;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;
using Xunit;

namespace Trading.Binance.Simulator.Tests;

/// <summary>Klines carry taker-buy base and quote volumes: the taker buys among the simulator's own public trades of the bar.</summary>
public sealed class TakerVolumeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Klines_ClosedBars_TakerBuyVolumesAreTheTakerBuysAmongTheBarsTrades()
    {
        var candles = TestCandles.Generate(20);
        await using var sim = await SimulatorHarness.StartAsync(candles);

        var rows = await sim.GetArrayAsync("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=20");
        var trades = await sim.GetArrayAsync("/api/v3/trades?symbol=BTCUSDT&limit=1000");

        rows.Count.ShouldBe(20);
        foreach (var row in rows)
        {
            var open = row[0].GetInt64();
            var buys = trades.Where(t => t.GetProperty("time").GetInt64() >= open && t.GetProperty("time").GetInt64() <= row[6].GetInt64()
                && !t.GetProperty("isBuyerMaker").GetBoolean()).ToList();
            Number(row[9]).ShouldBe(buys.Sum(t => Number(t.GetProperty("qty"))), $"bar {open}");
            Number(row[10]).ShouldBe(buys.Sum(t => Number(t.GetProperty("quoteQty"))), $"bar {open}");
            Number(row[9]).ShouldBeLessThanOrEqualTo(Number(row[5]));
        }
        rows.ShouldContain(r => Number(r[9]) > 0m && Number(r[9]) < Number(r[5]), "some bars are partly bought by takers");
    }

    [Fact]
    public async Task Klines_ResampledInterval_TakerBuyVolumesSumTheBarsInside()
    {
        var candles = TestCandles.Generate(30);
        await using var sim = await SimulatorHarness.StartAsync(candles);

        var minutes = await sim.GetArrayAsync("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=30");
        var fives = await sim.GetArrayAsync("/api/v3/klines?symbol=BTCUSDT&interval=5m&limit=6");

        fives.Count.ShouldBe(6);
        foreach (var five in fives)
        {
            var inside = minutes.Where(m => m[0].GetInt64() >= five[0].GetInt64() && m[0].GetInt64() <= five[6].GetInt64()).ToList();
            inside.Count.ShouldBe(5);
            Number(five[9]).ShouldBe(inside.Sum(m => Number(m[9])));
            Number(five[10]).ShouldBe(inside.Sum(m => Number(m[10])));
        }
    }

    [Fact]
    public async Task KlineStream_ClosedBar_CarriesTheTakerBuyVolumesOfItsRestKline()
    {
        var candles = TestCandles.Generate(3);
        await using var sim = await SimulatorHarness.StartAsync(candles, replayFromMs: candles[0].OpenTimeMs);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(sim.Simulator.WebSocketUrl, "/ws/btcusdt@kline_1m"), Ct);

        var buffer = new byte[8192];
        var opening = await ReceiveKlineAsync(socket, buffer);
        var closed = await ReceiveKlineAsync(socket, buffer);
        var rest = (await sim.GetArrayAsync($"/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime={candles[0].OpenTimeMs}&limit=1")).ShouldHaveSingleItem();

        opening.GetProperty("x").GetBoolean().ShouldBeFalse();
        Number(opening.GetProperty("V")).ShouldBe(0m, "a bar just opened has traded nothing");
        closed.GetProperty("x").GetBoolean().ShouldBeTrue();
        Number(closed.GetProperty("V")).ShouldBe(Number(rest[9]));
        Number(closed.GetProperty("Q")).ShouldBe(Number(rest[10]));
        Number(closed.GetProperty("V")).ShouldBeGreaterThan(0m);
    }

    private static async Task<JsonElement> ReceiveKlineAsync(ClientWebSocket socket, byte[] buffer)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, Ct);
            var frame = JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement;
            if (frame.TryGetProperty("e", out var type) && type.GetString() == "kline") return frame.GetProperty("k").Clone();
        }
    }

    private static decimal Number(JsonElement text) => decimal.Parse(text.GetString()!, CultureInfo.InvariantCulture);
}
