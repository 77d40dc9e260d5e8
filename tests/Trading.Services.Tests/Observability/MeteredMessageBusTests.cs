using System.Globalization;
using System.Text.RegularExpressions;
using Shouldly;
using StackExchange.Redis;
using Trading.Core.Messaging;
using Trading.Messaging;
using Trading.Messaging.Redis;
using Trading.Services.Observability;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;

namespace Trading.Services.Tests.Observability;

/// <summary>bus_pending_messages{stream} as /metrics shows it: across processes on Redis Streams, within the process otherwise.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MeteredMessageBusTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PendingMessages_OnRedisConsumerInAnotherProcessBehind_PublisherReportsTheSharedBacklog()
    {
        await using var redis = await RedisServer.StartAsync(Token);
        await using var server = new MetricsServer(port: 0);
        await server.StartAsync(Token);
        var stream = $"signals.metered{Guid.NewGuid():N}"[..24];
        await using var consumerProcess = await RedisMessageBus.ConnectAsync(RedisEndpoint.Parse(redis.Url), new RedisBusOptions { ConsumerName = "engine-1" }, ct: Token);
        var release = new TaskCompletionSource();
        var handled = 0;
        _ = consumerProcess.SubscribeAsync(stream, "engine", async (_, _) => { await release.Task; Interlocked.Increment(ref handled); }, Token);
        await using var inspector = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redis.Port}");
        await TestWait.UntilAsync(async () => await inspector.GetDatabase().KeyExistsAsync(stream)
            && (await inspector.GetDatabase().StreamGroupInfoAsync(stream)).Length == 1, Patience, Token);
        await using var publisherProcess = new MeteredMessageBus(
            await RedisMessageBus.ConnectAsync(RedisEndpoint.Parse(redis.Url), new RedisBusOptions { ConsumerName = "collector-1" }, ct: Token));

        for (var i = 0; i < 3; i++) await publisherProcess.PublishAsync(stream, MessageEnvelope.Create("x", i, DateTimeOffset.UnixEpoch, id: $"m{i}"), Token);

        (await PendingAsync(server, stream)).ShouldBe(3);
        release.SetResult();
        await TestWait.UntilAsync(() => Volatile.Read(ref handled) == 3, Patience, Token);
        await TestWait.UntilAsync(async () => await PendingAsync(server, stream) == 0, Patience, Token);
    }

    [Fact]
    public async Task PendingMessages_InProcessBus_PublishedHereAndNotYetHandled()
    {
        await using var server = new MetricsServer(port: 0);
        await server.StartAsync(Token);
        var stream = $"orders.metered{Guid.NewGuid():N}"[..24];
        await using var bus = new MeteredMessageBus(new InProcessMessageBus());
        var release = new TaskCompletionSource();
        _ = bus.SubscribeAsync(stream, "executor", async (_, _) => await release.Task, Token);

        for (var i = 0; i < 2; i++) await bus.PublishAsync(stream, MessageEnvelope.Create("x", i, DateTimeOffset.UnixEpoch, id: $"o{i}"), Token);

        (await PendingAsync(server, stream)).ShouldBe(2);
        release.SetResult();
        await TestWait.UntilAsync(async () => await PendingAsync(server, stream) == 0, Patience, Token);
    }

    private static async Task<long?> PendingAsync(MetricsServer server, string stream)
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(server.Address!, "/metrics"), Token);
        var match = Regex.Match(text, $"\\nbus_pending_messages\\{{stream=\"{Regex.Escape(stream)}\"\\}} (\\d+)");
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }
}
