using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;
using Trading.Core.Messaging;
using Trading.Messaging;
using Trading.Messaging.Redis;
using Trading.Services.Configuration;
using Trading.Services.Observability;
using Trading.TestInfrastructure.Servers;

namespace Trading.Services.Tests;

public sealed class ServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddTradingPlatform_DefaultSettings_ResolvesSettingsClockAndInProcessBus()
    {
        var settings = new TradingSettings { LogLevel = "Warning" };
        await using var provider = new ServiceCollection().AddTradingPlatform(settings).BuildServiceProvider();

        provider.GetRequiredService<TradingSettings>().ShouldBeSameAs(settings);
        provider.GetRequiredService<TimeProvider>().ShouldBeSameAs(TimeProvider.System);
        provider.GetRequiredService<IMessageBus>().ShouldBeOfType<MeteredMessageBus>().Inner.ShouldBeOfType<InProcessMessageBus>();
        provider.GetRequiredService<IMessageBus>().ShouldBeSameAs(provider.GetRequiredService<IMessageBus>());
    }

    [Fact]
    public async Task AddTradingPlatform_RedisUrl_ResolvesTheRedisStreamsBus()
    {
        await using var redis = await RedisServer.StartAsync(TestContext.Current.CancellationToken);
        var settings = new TradingSettings { LogLevel = "Warning", RedisUrl = redis.Url };
        await using var provider = new ServiceCollection().AddTradingPlatform(settings).BuildServiceProvider();

        var bus = provider.GetRequiredService<IMessageBus>().ShouldBeOfType<MeteredMessageBus>().Inner.ShouldBeOfType<RedisMessageBus>();
        bus.Endpoint.Port.ShouldBe(redis.Port);
    }

    [Theory]
    [InlineData("Debug", LogLevel.Debug, true)]
    [InlineData("Warning", LogLevel.Information, false)]
    [InlineData("Warning", LogLevel.Warning, true)]
    public async Task AddTradingPlatform_LogLevel_SetsTheMinimumLevel(string configured, LogLevel probe, bool enabled)
    {
        await using var provider = new ServiceCollection().AddTradingPlatform(new TradingSettings { LogLevel = configured }).BuildServiceProvider();

        provider.GetRequiredService<ILogger<ServiceCollectionExtensionsTests>>().IsEnabled(probe).ShouldBe(enabled);
    }
}
