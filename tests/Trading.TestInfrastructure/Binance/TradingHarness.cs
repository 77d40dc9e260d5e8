using Xunit;
using Trading.Binance.Orders;
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

    /// <summary>Fast unknown-outcome resolution for tests; placements answer within 2 s or are unknown.</summary>
    public static BinanceTradingOptions FastOptions { get; } = new()
    {
        RequestTimeout = TimeSpan.FromSeconds(2), UnknownOutcomeQueryDelay = TimeSpan.FromMilliseconds(5), UnknownOutcomeQueries = 4,
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
