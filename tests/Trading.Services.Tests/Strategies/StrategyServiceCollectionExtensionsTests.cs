using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shouldly;
using Trading.Core.Messaging;
using Trading.Core.Storage;
using Trading.Messaging;
using Trading.Services.Configuration;
using Trading.Services.Plugins;
using Trading.Services.Strategies;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Strategies;

public sealed class StrategyServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddStrategyEngine_WithStoreAndBus_ResolvesRegistryWithPluginsAndTheHostedEngine()
    {
        using var dir = new TempDirectory();
        dir.Write("strategies/mine.cs", StrategyTemplate.Render("mine"));
        var settings = new TradingSettings { DataDir = dir.Path, StrategiesDir = Path.Combine(dir.Path, "strategies") };
        await using var store = await TradingStoreFactory.OpenAsync(null, dir.Path, TestContext.Current.CancellationToken);
        var services = new ServiceCollection()
            .AddLogging(b => b.ClearProviders())
            .AddSingleton(store)
            .AddSingleton<IMessageBus, InProcessMessageBus>(_ => new InProcessMessageBus())
            .AddStrategyEngine(settings);
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<Trading.Core.Strategies.StrategyRegistry>().Contains("mine").ShouldBeTrue();
        provider.GetServices<IHostedService>().ShouldContain(s => s is StrategyEngineService);
        Directory.Exists(Path.Combine(dir.Path, "plugin-cache")).ShouldBeTrue();
    }
}
