using Trading.Core.Messaging;
using Trading.TestInfrastructure.Servers;

namespace Trading.Messaging.Tests.Redis;

/// <summary>The bus contract on Redis Streams, one subscriber reading one entry at a time so subscribers of a group share.</summary>
public sealed class RedisMessageBusContractTests(RedisServerFixture redis) : MessageBusContractTests, IClassFixture<RedisServerFixture>
{
    private readonly string _prefix = RedisBusTestKit.UniqueStream("contract");

    protected override async Task<IMessageBus> BusAsync(int capacity = 64, int maxAttempts = 3) =>
        await RedisBusTestKit.ConnectAsync(redis.Url, RedisBusTestKit.Options("contract", maxAttempts, readBatch: 1));

    protected override string Stream(string name) => $"{_prefix}.{name}";
}
