using Xunit;
using System.Net.Http.Headers;
using Trading.Binance.Orders;
using Trading.Binance.Signing;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.Binance.UserData;
using Trading.Core.Model;

namespace Trading.TestInfrastructure.Binance;

/// <summary>A started simulator with its trading account, and a trading client signed with the simulator's test key.</summary>
public sealed class TradingHarness : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _streams = [];

    private TradingHarness(BinanceSimulator simulator)
    {
        Simulator = simulator;
        Client = NewClient();
    }

    public static BinanceCredentials TestCredentials { get; } = new(SimulatorTradingOptions.TestApiKey, SimulatorTradingOptions.TestApiSecret);

    /// <summary>
    /// Fast unknown-outcome resolution for tests. Placements answer within 15 s or are unknown: 2 s turned answers from a
    /// loaded machine into unknown outcomes; tests of timeouts set their own shorter one.
    /// </summary>
    public static BinanceTradingOptions FastOptions { get; } = new()
    {
        RequestTimeout = TimeSpan.FromSeconds(15), UnknownOutcomeQueryDelay = TimeSpan.FromMilliseconds(5), UnknownOutcomeQueries = 4,
    };

    public BinanceSimulator Simulator { get; }

    public SimulatedExchange Exchange => Simulator.Exchange;

    public HttpClient Http { get; } = new();

    public BinanceTradingClient Client { get; }

    /// <summary>The last history close of <see cref="TestCandles"/>: the price market orders fill at before any replay.</summary>
    public decimal HistoryClose { get; private init; }

    /// <summary>Candles before <paramref name="replayFromMs"/> are history (the current price is the last close); the rest replay.</summary>
    public static async Task<TradingHarness> StartAsync(IReadOnlyList<Candle>? candles = null, long? replayFromMs = null, SimulatorOptions? options = null)
    {
        candles ??= TestCandles.Generate(5);
        var simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, replayFromMs), options);
        await simulator.StartAsync(TestContext.Current.CancellationToken);
        return new TradingHarness(simulator) { HistoryClose = candles.Last(c => replayFromMs is null || c.OpenTimeMs < replayFromMs).Close };
    }

    public BinanceTradingClient NewClient(BinanceCredentials? credentials = null, BinanceTradingOptions? options = null, BinanceServerClock? clock = null) =>
        new(Http, credentials ?? TestCredentials, (options ?? FastOptions) with { BaseUrl = Simulator.BaseUrl }, clock);

    public BinanceUserDataStream NewUserDataStream(BinanceCredentials? credentials = null, BinanceServerClock? clock = null)
    {
        var stream = new BinanceUserDataStream(credentials ?? TestCredentials, new UserDataStreamOptions
        {
            WebSocketApiUrl = Simulator.WebSocketApiUrl, ReconnectBaseDelay = TimeSpan.FromMilliseconds(10), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        }, clock);
        _streams.Add(stream);
        return stream;
    }

    /// <summary>A request signed by hand with the test key (timestamp added), independent of the trading client.</summary>
    public static HttpRequestMessage Signed(Uri baseUrl, HttpMethod method, string path, string parameters)
    {
        var payload = $"{(parameters.Length > 0 ? parameters + "&" : "")}timestamp={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        var signed = $"{payload}&signature={TestCredentials.Signer.Sign(payload)}";
        var request = new HttpRequestMessage(method, new Uri(baseUrl, $"{path}?{signed}"));
        request.Headers.Add("X-MBX-APIKEY", TestCredentials.ApiKey);
        return request;
    }

    /// <summary>Sends <see cref="Signed"/> and returns the answer's status, headers and body.</summary>
    public async Task<(int Status, HttpResponseHeaders Headers, string Body)> SendSignedAsync(HttpMethod method, string path, string parameters)
    {
        using var request = Signed(Simulator.BaseUrl, method, path, parameters);
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, response.Headers, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static NewOrderRequest Market(OrderSide side, decimal quantity, string clientOrderId, Symbol? symbol = null) =>
        new(symbol ?? TestCandles.BtcUsdt, side, OrderType.Market, quantity, clientOrderId);

    public static NewOrderRequest Limit(OrderSide side, decimal quantity, decimal price, string clientOrderId, Symbol? symbol = null) =>
        new(symbol ?? TestCandles.BtcUsdt, side, OrderType.Limit, quantity, clientOrderId, price);

    /// <summary>Local time shifted by <paramref name="skew"/>, like a machine whose clock is off.</summary>
    public sealed class SkewedTimeProvider(TimeSpan skew) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + skew;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in _streams) await stream.DisposeAsync();
        await Simulator.DisposeAsync();
        Http.Dispose();
    }
}
