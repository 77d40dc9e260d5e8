using System.Net;
using System.Text.Json;
using Shouldly;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.Binance.Streams;
using Trading.Core.Model;
using Trading.Services.Configuration;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;

namespace Trading.Api.Tests.Endpoints;

/// <summary>GET /futures/positions and /futures/funding against the simulator's /fapi on loopback: a hedged long and short through two settlements.</summary>
public sealed class FuturesEndpointsTests : IAsyncLifetime
{
    private static readonly Symbol Btc = TestCandles.BtcUsdt;
    private static readonly long Midnight = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private const long Hour = 3_600_000L;
    private readonly List<Candle> _candles = TestCandles.Generate(14, Timeframe.H1, startMs: Midnight - 4 * Hour);
    private BinanceSimulator _simulator = null!;
    private SimulatorApiServer _api = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(_candles, Midnight));
        await _simulator.StartAsync(Ct);
        _api = new SimulatorApiServer(_simulator.BaseUrl);
        await _api.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    private async Task SendAsync(HttpMethod method, string path, string parameters)
    {
        using var http = new HttpClient();
        using var request = TradingHarness.Signed(_simulator.BaseUrl, method, path, parameters);
        using var response = await http.SendAsync(request, Ct);
        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<(HttpStatusCode Status, string? MediaType, JsonElement Body)> GetAsync(string path, string? key = ApiServer.Key)
    {
        using var client = _api.Client(key);
        using var response = await client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>Hedge mode, isolated 4x, a long of 0.01 and a short of 0.02, then the replay through 00:00 and 08:00 UTC.</summary>
    private async Task OpenHedgedPositionsThroughTwoSettlementsAsync()
    {
        await SendAsync(HttpMethod.Post, "/fapi/v1/positionSide/dual", "dualSidePosition=true");
        await SendAsync(HttpMethod.Post, "/fapi/v1/marginType", "symbol=BTCUSDT&marginType=ISOLATED");
        await SendAsync(HttpMethod.Post, "/fapi/v1/leverage", "symbol=BTCUSDT&leverage=4");
        await SendAsync(HttpMethod.Post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&positionSide=LONG");
        await SendAsync(HttpMethod.Post, "/fapi/v1/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.02&positionSide=SHORT");
        await using var klines = await BinanceKlineStream.ConnectAsync(_simulator.WebSocketUrl, [(Btc, Timeframe.H1)], Ct);
        while (await klines.ReceiveAsync(Ct) is not KlineUpdate { IsClosed: true } update || update.Candle.OpenTimeMs != _candles[^1].OpenTimeMs) { }
    }

    [Fact]
    public async Task GetPositionsAndFunding_HedgedLongAndShortThroughTwoSettlements_TheVenuesFigures()
    {
        await OpenHedgedPositionsThroughTwoSettlementsAsync();

        var (status, _, positions) = await GetAsync("/futures/positions");
        var (fundingStatus, _, funding) = await GetAsync("/futures/funding?symbol=BTCUSDT&limit=10");

        status.ShouldBe(HttpStatusCode.OK);
        var rows = positions.GetProperty("positions").EnumerateArray().ToList();
        rows.Select(p => (p.GetProperty("side").GetString(), p.GetProperty("size").GetDecimal())).ShouldBe([("LONG", 0.01m), ("SHORT", 0.02m)], ignoreOrder: true);
        rows.ShouldAllBe(p => p.GetProperty("leverage").GetInt32() == 4 && p.GetProperty("marginType").GetString() == "ISOLATED" && p.GetProperty("margin").GetDecimal() > 0);
        var venueLong = _simulator.Futures.Position(Btc, PositionSide.Long)!;
        var apiLong = rows.Single(p => p.GetProperty("side").GetString() == "LONG");
        apiLong.GetProperty("liquidationPrice").GetDecimal().ShouldBe(venueLong.LiquidationPrice);
        apiLong.GetProperty("entryPrice").GetDecimal().ShouldBe(venueLong.EntryPrice);
        var fundingFees = _simulator.Futures.Income.Where(i => i.IncomeType == "FUNDING_FEE").ToList();
        fundingFees.Count.ShouldBe(4); // two sides at two settlements
        apiLong.GetProperty("funding").GetDecimal().ShouldBe(fundingFees.Sum(i => i.Amount));
        positions.GetProperty("walletBalance").GetDecimal().ShouldBeGreaterThan(0m);

        fundingStatus.ShouldBe(HttpStatusCode.OK);
        funding.GetProperty("symbol").GetString().ShouldBe("BTCUSDT");
        funding.GetProperty("nextFundingTime").GetDateTimeOffset().ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 16 * Hour));
        var settlements = funding.GetProperty("settlements").EnumerateArray().ToList();
        settlements.Select(s => s.GetProperty("fundingTime").GetDateTimeOffset().ToUnixTimeMilliseconds()).ShouldBe([Midnight, Midnight + 8 * Hour]);
        settlements[0].GetProperty("amount").GetDecimal().ShouldBe(fundingFees.Where(i => i.TimeMs == Midnight).Sum(i => i.Amount));
        (funding.GetProperty("paid").GetDecimal() + funding.GetProperty("received").GetDecimal()).ShouldBe(fundingFees.Sum(i => i.Amount));
    }

    [Theory]
    [InlineData("/futures/funding", "symbol is required")]
    [InlineData("/futures/funding?symbol=BTC-USDT", "symbol must be letters and digits")]
    [InlineData("/futures/funding?symbol=BTCUSDT&limit=1001", "limit must be within 1..1000")]
    [InlineData("/futures/positions?symbol=NOPEUSDT", "-1121")]
    [InlineData("/futures/funding?symbol=NOPEUSDT", "-1121")]
    public async Task Get_BadInput_400ProblemJsonWithOneLineDetail(string path, string detail)
    {
        var (status, mediaType, body) = await GetAsync(path);

        status.ShouldBe(HttpStatusCode.BadRequest);
        mediaType.ShouldBe("application/problem+json");
        body.GetProperty("detail").GetString()!.ShouldContain(detail);
        body.GetProperty("detail").GetString()!.ShouldNotContain("\n");
    }

    [Theory]
    [InlineData("/futures/positions")]
    [InlineData("/futures/funding?symbol=BTCUSDT")]
    public async Task Get_WithoutKey_401AndTheVenueNotAsked(string path)
    {
        var before = _simulator.Futures.Income.Count;

        var (status, mediaType, _) = await GetAsync(path, key: null);

        status.ShouldBe(HttpStatusCode.Unauthorized);
        mediaType.ShouldBe("application/problem+json");
        _simulator.Futures.Income.Count.ShouldBe(before);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesBothFuturesRoutes()
    {
        var (status, _, document) = await GetAsync("/openapi/v1.json", key: null);

        status.ShouldBe(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/futures/positions", out _).ShouldBeTrue();
        paths.TryGetProperty("/futures/funding", out _).ShouldBeTrue();
    }

    /// <summary>The API with its venue on the simulator, signed with the simulator's test key.</summary>
    private sealed class SimulatorApiServer(Uri simulator) : ApiServer
    {
        protected override TradingSettings Configure(TradingSettings settings) => settings with
        {
            BinanceBaseUrl = simulator.ToString().TrimEnd('/'),
            BinanceApiKey = TradingHarness.TestCredentials.ApiKey,
            BinanceApiSecret = SimulatorTradingOptions.TestApiSecret,
        };
    }
}
