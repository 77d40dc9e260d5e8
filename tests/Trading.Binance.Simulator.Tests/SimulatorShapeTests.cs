using System.Net.WebSockets;
using System.Text.Json;
using Shouldly;
using Trading.Binance.Simulator;
using Trading.TestInfrastructure;

using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Simulator.Tests;

/// <summary>The simulator's answers have exactly the field names, order and JSON types of Binance's documented examples.</summary>
public sealed class SimulatorShapeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Example(string file) => JsonShape.Example(file);

    [Fact]
    public async Task Klines_RestAnswer_MatchesExampleShape()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(3));
        using var http = new HttpClient();

        var body = await http.GetStringAsync(new Uri(sim.Simulator.BaseUrl, "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=2"), Ct);

        Shape(JsonDocument.Parse(body).RootElement).ShouldBe(Shape(Example("klines-rest-response.json")));
    }

    [Fact]
    public async Task Time_RestAnswer_MatchesExampleShape()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(3));
        using var http = new HttpClient();

        var body = await http.GetStringAsync(new Uri(sim.Simulator.BaseUrl, "/api/v3/time"), Ct);

        Shape(JsonDocument.Parse(body).RootElement).ShouldBe(Shape(Example("server-time-response.json")));
    }

    [Fact]
    public async Task KlineStream_CombinedEvent_MatchesExampleShape()
    {
        var candles = TestCandles.Generate(2);
        await using var sim = await SimulatorHarness.StartAsync(candles, replayFromMs: candles[0].OpenTimeMs);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(sim.Simulator.WebSocketUrl, "/stream?streams=btcusdt@kline_1m"), Ct);

        var buffer = new byte[8192];
        var result = await socket.ReceiveAsync(buffer, Ct);

        var frame = JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement;
        Shape(frame).ShouldBe(Shape(Example("kline-ws-event-combined.json")));
        frame.GetProperty("stream").GetString().ShouldBe("btcusdt@kline_1m");
    }

    [Fact]
    public async Task Klines_UnknownSymbol_Answers400WithBinanceErrorBody()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(3));
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(sim.Simulator.BaseUrl, "/api/v3/klines?symbol=FOOBAR&interval=1m"), Ct);

        ((int)response.StatusCode).ShouldBe(400);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("""{"code":-1121,"msg":"Invalid symbol."}""");
        response.Headers.GetValues("X-MBX-USED-WEIGHT-1M").Single().ShouldBe("2");
    }

    [Fact]
    public async Task Klines_StartAndEndTime_FollowBinanceInclusiveSemantics()
    {
        var candles = TestCandles.Generate(10);
        await using var sim = await SimulatorHarness.StartAsync(candles);
        using var http = new HttpClient();

        var body = await http.GetStringAsync(new Uri(sim.Simulator.BaseUrl,
            $"/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime={candles[2].OpenTimeMs}&endTime={candles[5].OpenTimeMs}"), Ct);
        var latest = await http.GetStringAsync(new Uri(sim.Simulator.BaseUrl, "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=3"), Ct);

        OpenTimes(body).ShouldBe(candles.Skip(2).Take(4).Select(c => c.OpenTimeMs));
        OpenTimes(latest).ShouldBe(candles.TakeLast(3).Select(c => c.OpenTimeMs));
    }

    [Fact]
    public async Task AdminFaults_PostRateLimit_EveryRequestGets429UntilRetryAfterHasPassed()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(3), SimulatorHarness.WithTime(time));
        using var http = new HttpClient();

        using var admin = await http.PostAsync(new Uri(sim.Simulator.BaseUrl, "/sim/faults"),
            new StringContent("""{"kind":"rate-limit","retryAfter":3}"""), Ct);
        using var limited = await http.GetAsync(new Uri(sim.Simulator.BaseUrl, "/api/v3/ping"), Ct);
        time.Advance(TimeSpan.FromSeconds(2));
        using var stillLimited = await http.GetAsync(new Uri(sim.Simulator.BaseUrl, "/api/v3/ping"), Ct);
        time.Advance(TimeSpan.FromSeconds(1));
        using var after = await http.GetAsync(new Uri(sim.Simulator.BaseUrl, "/api/v3/ping"), Ct);

        admin.IsSuccessStatusCode.ShouldBeTrue();
        ((int)limited.StatusCode).ShouldBe(429);
        limited.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3));
        ((int)stillLimited.StatusCode).ShouldBe(429);
        stillLimited.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        ((int)after.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task AdminFaults_PostBanThenClear_BansEveryRequestUntilCleared()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(3));
        using var http = new HttpClient();

        using var ban = await http.PostAsync(new Uri(sim.Simulator.BaseUrl, "/sim/faults"), new StringContent("""{"kind":"ban","retryAfter":600}"""), Ct);
        var during = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(new Uri(sim.Simulator.BaseUrl, "/api/v3/time"), Ct);
            during.Add((int)response.StatusCode);
        }
        using var clear = await http.PostAsync(new Uri(sim.Simulator.BaseUrl, "/sim/faults"), new StringContent("""{"kind":"clear"}"""), Ct);
        using var after = await http.GetAsync(new Uri(sim.Simulator.BaseUrl, "/api/v3/time"), Ct);

        ban.IsSuccessStatusCode.ShouldBeTrue();
        during.ShouldBe([418, 418, 418]);
        clear.IsSuccessStatusCode.ShouldBeTrue();
        ((int)after.StatusCode).ShouldBe(200);
    }

    private static IEnumerable<long> OpenTimes(string klines) =>
        JsonDocument.Parse(klines).RootElement.EnumerateArray().Select(row => row[0].GetInt64()).ToList();

    private static string Shape(JsonElement element) => JsonShape.Of(element);
}
