using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trading.Binance.Simulator;
using Trading.Binance.Simulator.Matching;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Binance;

namespace Trading.Api.Tests.Dashboard;

/// <summary>
/// `trading service run` in paper mode as a child process, on the simulator replaying generated 1m candles: an rsi bot
/// from strategies.yaml trades, and the API with the dashboard listens on a free loopback port.
/// </summary>
public sealed partial class RunningPlatform : IAsyncDisposable
{
    public const string Key = "dashboard-test-key-0123456789";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _dir = new();
    private BinanceSimulator _simulator = null!;
    private RunningCli _platform = null!;

    public Uri Url { get; private set; } = null!;

    /// <summary>The simulator's base URL, for requests a test sends to the venue itself (say, a futures order).</summary>
    public Uri SimulatorUrl => _simulator.BaseUrl;

    public RunningCli Process => _platform;

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Url };
        client.DefaultRequestHeaders.Add("X-API-Key", Key);
        return client;
    }

    public static async Task<RunningPlatform> StartAsync(CancellationToken ct)
    {
        var platform = new RunningPlatform();
        await platform.InitializeAsync(ct);
        return platform;
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        var candles = TestCandles.Generate(3000);
        _simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[0].OpenTimeMs), new SimulatorOptions { Speed = 600 });
        await _simulator.StartAsync(ct);
        _dir.Write("config/symbols.yaml", "symbols:\n  - { symbol: BTCUSDT, timeframes: [1m] }\n");
        _dir.Write("config/strategies.yaml", """
            strategies:
              - { name: rsi, symbols: [BTCUSDT], timeframe: 1m, parameters: { period: 2, quantity: 0.001 } }
            """);
        _platform = CliProcess.Start(["service", "run"], new Dictionary<string, string?>
        {
            ["BINANCE_BASE_URL"] = _simulator.BaseUrl.ToString().TrimEnd('/'),
            ["BINANCE_WS_URL"] = _simulator.WebSocketUrl.ToString().TrimEnd('/'),
            ["TRADING_DATA_DIR"] = Path.Combine(_dir.Path, "data"),
            ["TRADING_MODE"] = "paper",
            ["DRY_RUN"] = "false",
            ["TRADING_API_KEY"] = Key,
            // The simulator's test keys: the futures panel reads the USDⓈ-M account through them.
            ["BINANCE_API_KEY"] = TradingHarness.TestCredentials.ApiKey,
            ["BINANCE_API_SECRET"] = SimulatorTradingOptions.TestApiSecret,
            ["TRADING_API_PORT"] = "0",
            ["LOG_LEVEL"] = "Information",
        }, _dir.Path);
        await WhileRunningAsync(() => Task.FromResult(ListeningUrl().IsMatch(_platform.Error)), ct);
        Url = new Uri(ListeningUrl().Match(_platform.Error).Groups[1].Value);
    }

    /// <summary>Waits for a condition while the platform runs; a platform that exits or times out fails with its output.</summary>
    public async Task WhileRunningAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        try
        {
            await TestWait.UntilAsync(async () => _platform.HasExited || await condition(), Timeout, ct);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nstderr:\n{_platform.Error}", e);
        }
        if (_platform.HasExited) throw new InvalidOperationException($"the platform exited early:\n{_platform.Output}\n{_platform.Error}");
    }

    public async Task<JsonElement> GetAsync(string path, CancellationToken ct)
    {
        using var client = Client();
        return await client.GetFromJsonAsync<JsonElement>(path, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _simulator.DisposeAsync();
        _dir.Dispose();
    }

    [GeneratedRegex(@"API and dashboard on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningUrl();
}
