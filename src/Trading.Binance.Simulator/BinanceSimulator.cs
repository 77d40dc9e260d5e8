using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trading.Binance.Filters;
using Trading.Core.Model;

namespace Trading.Binance.Simulator;

/// <summary>
/// A Binance-compatible spot server on 127.0.0.1: market-data REST, the combined kline stream replaying
/// <see cref="Market"/>, and fault injection. Trading endpoints plug in through <see cref="MapEndpoints"/>.
/// </summary>
public sealed class BinanceSimulator : IAsyncDisposable
{
    private readonly List<Action<IEndpointRouteBuilder>> _extraEndpoints = [];
    private readonly StreamHub _hub;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _replays = [];
    private readonly RequestWeightMeter _weights;
    private WebApplication? _app;

    public BinanceSimulator(SimulatedMarket market, SimulatorOptions? options = null)
    {
        Market = market;
        Options = options ?? new SimulatorOptions();
        _hub = new StreamHub(Options.StreamAfterBackfill && Options.Speed <= 0);
        Faults = new SimulatorFaults(_hub, Options.Time);
        _weights = new RequestWeightMeter(Options.WeightLimitPerMinute, Options.Time);
        Symbols = OfflineSymbols.ListFor(market.Symbols);
        Exchange = new Matching.SimulatedExchange(Symbols, market, Options.Trading, Options.Time);
        Futures = new Simulator.Futures.SimulatedFutures(Symbols, market, Options.Futures, Options.Trading, Options.Time);
    }

    /// <summary>The USDⓈ-M side under /fapi: positions, leverage, margin type, funding and liquidation (see Futures/).</summary>
    public Simulator.Futures.SimulatedFutures Futures { get; }

    /// <summary>The trading side: account, orders, matching, user-data stream (see Matching/).</summary>
    public Matching.SimulatedExchange Exchange { get; }

    public SimulatedMarket Market { get; }

    public SimulatorOptions Options { get; }

    public SimulatorFaults Faults { get; }

    public IReadOnlyList<SymbolInfo> Symbols { get; }

    public SimulatorRequestLog Requests { get; } = new();

    /// <summary>http://127.0.0.1:PORT once started.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>ws://127.0.0.1:PORT/ws-api/v3, the WebSocket API (user data stream) once started.</summary>
    public Uri WebSocketApiUrl => new(WebSocketUrl, "/ws-api/v3");

    /// <summary>ws://127.0.0.1:PORT once started.</summary>
    public Uri WebSocketUrl => new UriBuilder(BaseUrl) { Scheme = "ws" }.Uri;

    public int StreamConnections => _hub.ConnectionCount;

    /// <summary>How many stream connections were ever accepted.</summary>
    public int TotalStreamConnections => _hub.TotalConnections;

    public long NowMs => Options.Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Completes when every series has been replayed.</summary>
    public Task ReplayCompletion => Task.WhenAll(_replays);

    /// <summary>Adds endpoints (e.g. /api/v3/order) before <see cref="StartAsync"/>.</summary>
    public BinanceSimulator MapEndpoints(Action<IEndpointRouteBuilder> map)
    {
        if (_app is not null) throw new InvalidOperationException("Map endpoints before starting the simulator.");
        _extraEndpoints.Add(map);
        return this;
    }

    public async Task<Uri> StartAsync(CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, Options.Port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = Options.PingInterval, KeepAliveTimeout = Options.PongTimeout });
        app.UseRouting();
        app.Use(new SimulatorMiddleware(this, _weights, _hub).InvokeAsync);
        MarketDataEndpoints.Map(app, this);
        StreamEndpoint.Map(app, _hub);
        AdminEndpoints.Map(app, this);
        Matching.TradingEndpoints.Map(app, this);
        Binance.Simulator.Futures.FuturesEndpoints.Map(app, this);
        foreach (var map in _extraEndpoints) map(app);
        await app.StartAsync(ct);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        foreach (var series in Market.Series.Where(s => !s.IsFinished))
        {
            var replayer = new KlineReplayer(series, _hub, Faults, Options, Exchange, Futures, SyntheticTrades.For(Market, series.Symbol));
            _replays.Add(Task.Run(() => replayer.RunAsync(_stop.Token), CancellationToken.None));
        }
        return BaseUrl;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Exchange.Stop();
        _hub.DropAll();
        try
        {
            await Task.WhenAll(_replays);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        if (_app is not null) await _app.DisposeAsync();
        _stop.Dispose();
    }
}
