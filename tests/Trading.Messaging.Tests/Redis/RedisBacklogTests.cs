using Shouldly;
using StackExchange.Redis;
using Trading.TestInfrastructure.Servers;
using static Trading.Messaging.Tests.BusTestKit;
using static Trading.Messaging.Tests.Redis.RedisBusTestKit;

namespace Trading.Messaging.Tests.Redis;

/// <summary>The bus's backlog of a stream, as any process sharing the server sees it: the slowest group's pending entries plus its lag.</summary>
public sealed class RedisBacklogTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly CancellationToken _testCt = TestContext.Current.CancellationToken;
    private ConnectionMultiplexer _inspector = null!;

    private IDatabase Db => _inspector.GetDatabase();

    public async ValueTask InitializeAsync() => _inspector = await InspectorAsync(redis.Url);

    public async ValueTask DisposeAsync() => await _inspector.DisposeAsync();

    [Fact]
    public async Task Backlog_GroupsAtDifferentPositions_PendingPlusLagOfTheSlowestGroup()
    {
        var stream = UniqueStream("signals");
        await using var publisher = await ConnectAsync(redis.Url, Options("publisher"));
        for (var i = 0; i < 5; i++) await publisher.PublishAsync(stream, Message($"m{i}"), _testCt);
        await Db.StreamCreateConsumerGroupAsync(stream, "slow", StreamPosition.Beginning);
        await Db.StreamCreateConsumerGroupAsync(stream, "caught-up", StreamPosition.NewMessages);

        publisher.Backlog(stream).ShouldBe(5);

        var read = await Db.StreamReadGroupAsync(stream, "slow", "reader", StreamPosition.NewMessages, count: 2);
        publisher.Backlog(stream).ShouldBe(5);
        await Db.StreamAcknowledgeAsync(stream, "slow", read[0].Id);
        publisher.Backlog(stream).ShouldBe(4);
    }

    [Fact]
    public async Task Backlog_StreamWithoutGroupsOrMissing_Zero()
    {
        var stream = UniqueStream("orders");
        await using var publisher = await ConnectAsync(redis.Url, Options("publisher"));

        publisher.Backlog(stream).ShouldBe(0);
        await publisher.PublishAsync(stream, Message("m0"), _testCt);
        publisher.Backlog(stream).ShouldBe(0);
    }
}
