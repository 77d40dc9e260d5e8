using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shouldly;
using Trading.Binance.Simulator;
using Trading.Core.MarketData;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.MarketData;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.MarketData;

public sealed class MarketDataCollectorServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_WiredThroughAddCandleCollector_CollectsFromTheConfiguredUrlsAndReportsHealth()
    {
        var candles = TestCandles.Generate(120);
        await using var simulator = new BinanceSimulator(new SimulatedMarket().Add(candles, candles[60].OpenTimeMs), new SimulatorOptions { StreamAfterBackfill = true });
        await simulator.StartAsync(Ct);
        var dir = Directory.CreateTempSubdirectory("collector-service-").FullName;
        await using var store = await TradingStoreFactory.OpenAsync(null, dir, Ct);
        var settings = new TradingSettings
        {
            BinanceBaseUrl = simulator.BaseUrl.ToString().TrimEnd('/'),
            BinanceWsUrl = simulator.WebSocketUrl.ToString().TrimEnd('/'),
        };
        var services = new ServiceCollection()
            .AddTradingPlatform(settings)
            .AddSingleton<ICandleStore>(store.Candles)
            .AddCandleCollector(settings, new CollectorOptions
            {
                Series = [(TestCandles.BtcUsdt, Timeframe.M1)],
                WebSocketUrl = new Uri(settings.BinanceWsUrl),
                BackfillFromMs = candles[0].OpenTimeMs,
            });
        await using var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IMessageBus>();
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        _ = bus.SubscribeAsync(StreamNames.Candles(TestCandles.BtcUsdt), "test", (m, _) =>
        {
            if (m.Deserialize<CandleMessage>().OpenTimeMs == candles[^1].OpenTimeMs) last.TrySetResult();
            return ValueTask.CompletedTask;
        }, stop.Token);
        var hosted = provider.GetServices<IHostedService>().OfType<MarketDataCollectorService>().ShouldHaveSingleItem();

        await hosted.StartAsync(Ct);
        await last.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        var health = provider.GetRequiredService<IMarketConnectionHealth>();
        health.IsConnected.ShouldBeTrue();
        await hosted.StopAsync(Ct);
        await stop.CancelAsync();

        health.IsConnected.ShouldBeFalse();
        (await store.Candles.ListSeriesAsync(Ct)).ShouldHaveSingleItem().Count.ShouldBe(120);
        Directory.Delete(dir, recursive: true);
    }
}
