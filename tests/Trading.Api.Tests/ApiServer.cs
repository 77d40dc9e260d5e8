using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Trading.Api.Hosting;
using Trading.Core.Storage;
using Trading.Services;
using Trading.Services.Configuration;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Api.Tests;

/// <summary>
/// The API on a real Kestrel server on 127.0.0.1 and a free port, over a SQLite store in a temporary folder and the
/// in-process bus, with fake secrets in its settings so tests can check that no answer ever shows them.
/// </summary>
public class ApiServer : IAsyncLifetime
{
    public const string Key = "test-key-0123456789-abcdef";
    public const string BinanceKey = "FAKEBINANCEKEY-7f3a9c2e1b";
    public const string BinanceSecret = "FAKEBINANCESECRET-5d8e4b6a0c";

    private readonly TempDirectory _dir = new();
    private WebApplication _app = null!;
    private ITradingStore _store = null!;

    public static IReadOnlyList<string> Secrets { get; } = [Key, BinanceKey, BinanceSecret];

    public Uri BaseUrl { get; private set; } = null!;

    public ITradingStore Store => _store;

    public TradingSettings Settings { get; private set; } = null!;

    /// <summary>What the API is told; a fixture with other limits overrides it.</summary>
    protected virtual ApiOptions Options => new() { Mode = Services.Execution.ExecutionMode.Paper };

    /// <summary>What a fixture changes in the settings (say, a simulator's base URL and keys); none by default.</summary>
    protected virtual TradingSettings Configure(TradingSettings settings) => settings;

    public async ValueTask InitializeAsync()
    {
        Settings = new TradingSettings
        {
            DataDir = Path.Combine(_dir.Path, "data"),
            ConfigDir = Path.Combine(_dir.Path, "config"),
            StrategiesDir = Path.Combine(_dir.Path, "strategies"),
            ApiKey = Key,
            ApiPort = 0,
            BinanceApiKey = BinanceKey,
            BinanceApiSecret = BinanceSecret,
            LogLevel = "Warning",
        };
        Settings = Configure(Settings);
        _store = await TradingStoreFactory.OpenAsync(null, Settings.DataDir, TestContext.Current.CancellationToken);
        var builder = ApiApplication.CreateBuilder(Settings, Options);
        builder.Services.AddSingleton(_store);
        builder.Services.AddSingleton(_store.Candles);
        builder.Services.AddTradingPlatform(Settings);
        _app = builder.Build();
        _app.UseTradingApi();
        await _app.StartAsync(TestContext.Current.CancellationToken);
        BaseUrl = new Uri(_app.ListeningUrl());
    }

    public HttpClient Client(string? key = Key)
    {
        var client = new HttpClient { BaseAddress = BaseUrl };
        if (key is not null) client.DefaultRequestHeaders.Add("X-API-Key", key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        _dir.Dispose();
    }
}
