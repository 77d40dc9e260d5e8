using System.Net;
using System.Net.Http.Json;
using Shouldly;
using Trading.Api.Contracts;
using Trading.Core.Model;
using Trading.Core.Strategies.Regime;
using Trading.TestInfrastructure;

namespace Trading.Api.Tests.Endpoints;

/// <summary>GET /regimes classifies each stored series' newest candles as the regime classifier does.</summary>
public sealed class RegimeEndpointsTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static readonly Symbol Trending = new("ETHUSDT");
    private static readonly Symbol Short = new("SOLUSDT");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetRegimes_StoredSeries_OneRegimePerSeriesAsTheClassifierSays()
    {
        var randomWalk = TestCandles.Generate(1500);
        await server.Store.Candles.UpsertAsync(randomWalk, Ct);
        await server.Store.Candles.UpsertAsync(Rising(Trending, 400), Ct);
        await server.Store.Candles.UpsertAsync(Rising(Short, 50), Ct);
        using var client = server.Client();

        var regimes = await client.GetFromJsonAsync<List<RegimeResponse>>("/regimes", Ct);

        regimes.ShouldNotBeNull();
        regimes.Select(r => r.Symbol).ShouldBe(["BTCUSDT", "ETHUSDT", "SOLUSDT"]);
        var btc = regimes[0];
        btc.CandlesUsed.ShouldBe(1000);
        btc.AsOf.ShouldBe(randomWalk[^1].OpenTimeMs);
        btc.Regime.ShouldBe(Classify(randomWalk.TakeLast(1000)));
        regimes[1].Regime.ShouldBe("TRENDING_UP");
        regimes[1].PlusDi!.Value.ShouldBeGreaterThan(regimes[1].MinusDi!.Value);
        regimes[2].Regime.ShouldBe("UNCERTAIN");
        regimes[2].CandlesUsed.ShouldBe(50);
    }

    [Fact]
    public async Task GetRegimes_FilteredBySymbolAndTimeframe_OnlyThatSeries()
    {
        await server.Store.Candles.UpsertAsync(Rising(Trending, 300), Ct);
        using var client = server.Client();

        var regimes = await client.GetFromJsonAsync<List<RegimeResponse>>("/regimes?symbol=ETHUSDT&timeframe=1m", Ct);
        var none = await client.GetFromJsonAsync<List<RegimeResponse>>("/regimes?symbol=ETHUSDT&timeframe=4h", Ct);

        regimes.ShouldHaveSingleItem().Symbol.ShouldBe("ETHUSDT");
        none.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/regimes?timeframe=7x", "unknown timeframe")]
    [InlineData("/regimes?symbol=BTC/USDT", "symbol must be")]
    public async Task GetRegimes_BadQuery_400ProblemJson(string path, string expected)
    {
        using var client = server.Client();

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(expected);
    }

    private static string Classify(IEnumerable<Candle> candles)
    {
        var classifier = new RegimeClassifier();
        foreach (var candle in candles) classifier.Update(candle);
        return RegimeClassifier.Label(classifier.Current);
    }

    private static List<Candle> Rising(Symbol symbol, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var open = 1_000m + i * 10m;
            return new Candle(symbol, Timeframe.M1, TestCandles.Start + i * Timeframe.M1.DurationMs, open, open + 14m, open - 2m, open + 10m, 5m);
        }).ToList();
}
