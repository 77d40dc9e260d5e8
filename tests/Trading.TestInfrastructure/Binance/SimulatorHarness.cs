using Xunit;

using Trading.Binance.Simulator;
using Trading.Binance;
using Trading.Core.Model;

namespace Trading.TestInfrastructure.Binance;

/// <summary>A started simulator on a free loopback port and a client pointed at it.</summary>
public sealed class SimulatorHarness : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private SimulatorHarness(BinanceSimulator simulator, BinanceMarketDataClient client)
    {
        Simulator = simulator;
        Client = client;
    }

    public BinanceSimulator Simulator { get; }

    public BinanceMarketDataClient Client { get; private set; }

    public static async Task<SimulatorHarness> StartAsync(
        IEnumerable<Candle> candles, SimulatorOptions? options = null, BinanceClientOptions? clientOptions = null, long? replayFromMs = null)
    {
        var simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, replayFromMs), options);
        var url = await simulator.StartAsync(TestContext.Current.CancellationToken);
        var harness = new SimulatorHarness(simulator, null!);
        harness.Client = new BinanceMarketDataClient(harness._http, (clientOptions ?? Fast) with { BaseUrl = url }, options?.Time);
        return harness;
    }

    public static BinanceClientOptions Fast { get; } = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetryAttempts = 4 };

    public static SimulatorOptions WithTime(ManualTimeProvider time, int weightLimit = 6000) =>
        new() { Time = time, WeightLimitPerMinute = weightLimit };

    /// <summary>GETs <paramref name="path"/> from the simulator and returns the JSON array it answers.</summary>
    public async Task<List<System.Text.Json.JsonElement>> GetArrayAsync(string path)
    {
        var body = await _http.GetStringAsync(new Uri(Simulator.BaseUrl, path), TestContext.Current.CancellationToken);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Simulator.DisposeAsync();
    }
}
