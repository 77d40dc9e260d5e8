using System.Text.Json;
using Shouldly;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;
using Xunit;

namespace Trading.Binance.Simulator.Tests;

/// <summary>/api/v3/trades, historicalTrades and aggTrades: four trades per closed bar along open, extremes and close.</summary>
public sealed class TradeEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Trades_Limit_TheMostRecentTradesWalkTheLastBar()
    {
        var candles = TestCandles.Generate(10);
        await using var sim = await SimulatorHarness.StartAsync(candles);

        var trades = await sim.GetArrayAsync("/api/v3/trades?symbol=BTCUSDT&limit=4");

        var last = candles[^1];
        trades.Select(t => t.GetProperty("id").GetInt64()).ShouldBe([36L, 37, 38, 39]);
        trades.Select(t => decimal.Parse(t.GetProperty("price").GetString()!)).ShouldBe(
            last.Close < last.Open ? [last.Open, last.High, last.Low, last.Close] : [last.Open, last.Low, last.High, last.Close]);
        trades.Sum(t => decimal.Parse(t.GetProperty("qty").GetString()!)).ShouldBe(last.Volume);
        trades.Select(t => t.GetProperty("time").GetInt64()).ShouldBe([last.OpenTimeMs, last.OpenTimeMs + 15_000, last.OpenTimeMs + 30_000, last.OpenTimeMs + 45_000]);
        trades.ShouldAllBe(t => t.GetProperty("isBestMatch").GetBoolean());
        trades[1].GetProperty("isBuyerMaker").GetBoolean().ShouldBe(decimal.Parse(trades[1].GetProperty("price").GetString()!) < last.Open);
    }

    [Fact]
    public async Task HistoricalTrades_FromId_PagesFromThatId()
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(10));

        var trades = await sim.GetArrayAsync("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=5&limit=3");

        trades.Select(t => t.GetProperty("id").GetInt64()).ShouldBe([5L, 6, 7]);
    }

    [Fact]
    public async Task AggTrades_StartAndEndTime_TheTradesOfThoseBars()
    {
        var candles = TestCandles.Generate(10);
        await using var sim = await SimulatorHarness.StartAsync(candles);

        var trades = await sim.GetArrayAsync($"/api/v3/aggTrades?symbol=BTCUSDT&startTime={candles[2].OpenTimeMs}&endTime={candles[3].CloseTimeMs}");

        trades.Select(t => t.GetProperty("a").GetInt64()).ShouldBe([8L, 9, 10, 11, 12, 13, 14, 15]);
        trades.ShouldAllBe(t => t.GetProperty("f").GetInt64() == t.GetProperty("a").GetInt64() && t.GetProperty("l").GetInt64() == t.GetProperty("a").GetInt64());
        JsonShape.Of(trades[0]).ShouldBe(JsonShape.Of(JsonDocument.Parse("""{"a":1,"p":"1","q":"1","f":1,"l":1,"T":1,"m":true,"M":true}""").RootElement));
    }

    [Fact]
    public async Task AggTrades_SpanOverAnHour_Refused1127()
    {
        var candles = TestCandles.Generate(10);
        await using var sim = await SimulatorHarness.StartAsync(candles);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(sim.Simulator.BaseUrl,
            $"/api/v3/aggTrades?symbol=BTCUSDT&startTime={candles[0].OpenTimeMs}&endTime={candles[0].OpenTimeMs + 3_600_001}"), Ct);

        ((int)response.StatusCode).ShouldBe(400);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetInt32().ShouldBe(-1127);
    }

    [Theory]
    [InlineData("/api/v3/trades?symbol=NOPEUSDT", -1121)]
    [InlineData("/api/v3/trades", -1102)]
    [InlineData("/api/v3/trades?symbol=BTCUSDT&limit=1001", -1130)]
    [InlineData("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=x", -1100)]
    public async Task Trades_BadParameters_BinanceErrorCodes(string path, int code)
    {
        await using var sim = await SimulatorHarness.StartAsync(TestCandles.Generate(3));
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(sim.Simulator.BaseUrl, path), Ct);

        ((int)response.StatusCode).ShouldBe(400);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetInt32().ShouldBe(code);
    }
}
