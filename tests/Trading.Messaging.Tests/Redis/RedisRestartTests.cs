using System.Collections.Concurrent;
using Shouldly;
using StackExchange.Redis;
using Trading.Messaging.Redis;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;
using static Trading.Messaging.Tests.BusTestKit;
using static Trading.Messaging.Tests.Redis.RedisBusTestKit;

namespace Trading.Messaging.Tests.Redis;

/// <summary>Redis or a consumer goes away mid-stream and comes back: nothing is lost and nothing is handled twice.</summary>
public sealed class RedisRestartTests
{
    private readonly CancellationToken _testCt = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubscribeAsync_RedisKilledAndRestartedWithItsAppendOnlyFile_EveryMessageHandledOnceInOrder()
    {
        await using var server = await RedisServer.StartAsync(appendOnly: true, _testCt);
        await using var collector = await ConnectAsync(server.Url, Options("collector"));
        await using var executor = await ConnectAsync(server.Url, Options("executor"));
        var effects = new ConcurrentQueue<string>();
        var killed = new TaskCompletionSource();
        var firstHalfSent = new TaskCompletionSource();
        // The executor is in the middle of o120 when Redis dies; its ack then fails, and the collector publishes o150.. while Redis is down.
        _ = executor.SubscribeAsync("orders", "executor", async (m, _) =>
        {
            if (m.Id == "o120") await killed.Task;
            effects.Enqueue(m.Id);
        }, _testCt);
        var sent = Enumerable.Range(0, 300).Select(i => $"o{i}").ToList();
        var publishing = Task.Run(async () =>
        {
            foreach (var id in sent.Take(150)) await collector.PublishAsync("orders", Message(id), _testCt);
            firstHalfSent.SetResult();
            await killed.Task;
            foreach (var id in sent.Skip(150)) await collector.PublishAsync("orders", Message(id), _testCt);
        }, _testCt);

        await Task.WhenAll(firstHalfSent.Task, TestWait.UntilAsync(() => effects.Count == 120, Patience, _testCt)).WaitAsync(Patience, _testCt);
        await server.KillAsync();
        killed.SetResult();
        await server.StartAgainAsync(_testCt);
        await publishing.WaitAsync(Patience, _testCt);

        await TestWait.UntilAsync(() => effects.Count >= sent.Count, Patience, _testCt);
        effects.ShouldBe(sent);
        using var inspector = await InspectorAsync(server.Url);
        await TestWait.UntilAsync(async () => (await inspector.GetDatabase().StreamPendingAsync("orders", "executor")).PendingMessageCount == 0,
            Patience, _testCt);
    }

    [Fact]
    public async Task PublishManyAsync_RedisKilledAndRestartedWhileBatchesAreInFlight_EveryMessageHandledOnce()
    {
        await using var server = await RedisServer.StartAsync(appendOnly: true, _testCt);
        await using var collector = await ConnectAsync(server.Url, Options("collector"));
        await using var executor = await ConnectAsync(server.Url, Options("executor"));
        var effects = new ConcurrentQueue<string>();
        _ = executor.SubscribeAsync("candles.BTCUSDT", "executor", (m, _) => { effects.Enqueue(m.Id); return ValueTask.CompletedTask; }, _testCt);
        var killed = new TaskCompletionSource();
        // The collector sends batches of 100 back to back until five batches after the kill, so batches are on the wire when Redis dies.
        var publishing = Task.Run(async () =>
        {
            var (sent, batchesAfterKill) = (0, 0);
            while (batchesAfterKill < 5)
            {
                var batch = Enumerable.Range(sent, 100).Select(i => Message($"c{i:D6}")).ToList();
                await collector.PublishManyAsync("candles.BTCUSDT", batch, _testCt);
                sent += batch.Count;
                if (killed.Task.IsCompleted) batchesAfterKill++;
            }
            return sent;
        }, _testCt);

        await TestWait.UntilAsync(() => effects.Count >= 500, Patience, _testCt);
        await server.KillAsync();
        killed.SetResult();
        await server.StartAgainAsync(_testCt);
        var sent = await publishing.WaitAsync(Patience, _testCt);

        await TestWait.UntilAsync(() => effects.Count >= sent, Patience, _testCt);
        using var inspector = await InspectorAsync(server.Url);
        await TestWait.UntilAsync(async () => (await inspector.GetDatabase().StreamPendingAsync("candles.BTCUSDT", "executor")).PendingMessageCount == 0,
            Patience, _testCt);
        effects.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(0, sent).Select(i => $"c{i:D6}"));
    }

    [Fact]
    public async Task PublishManyAsync_RedisDownWhenTheBatchIsSent_RetriedUntilRedisIsBackAndNothingLost()
    {
        await using var server = await RedisServer.StartAsync(appendOnly: true, _testCt);
        await using var collector = await ConnectAsync(server.Url, Options("collector"));
        await using var executor = await ConnectAsync(server.Url, Options("executor"));
        var effects = new ConcurrentQueue<string>();
        _ = executor.SubscribeAsync("signals", "executor", (m, _) => { effects.Enqueue(m.Id); return ValueTask.CompletedTask; }, _testCt);
        await collector.PublishAsync("signals", Message("s-before"), _testCt);
        await TestWait.UntilAsync(() => effects.Count == 1, Patience, _testCt);

        await server.KillAsync();
        var publishing = collector.PublishManyAsync("signals", [.. Enumerable.Range(0, 50).Select(i => Message($"s{i}"))], _testCt).AsTask();
        await server.StartAgainAsync(_testCt);
        await publishing.WaitAsync(Patience, _testCt);

        await TestWait.UntilAsync(() => effects.Count >= 51, Patience, _testCt);
        effects.Skip(1).Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(0, 50).Select(i => $"s{i}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SubscribeAsync_RedisRestartedWithoutItsData_GroupCreatedAgainAndNewMessagesHandled()
    {
        await using var server = await RedisServer.StartAsync(appendOnly: false, _testCt);
        await using var bus = await ConnectAsync(server.Url, Options("executor"));
        var handled = new ConcurrentQueue<string>();
        _ = bus.SubscribeAsync("signals", "executor", (m, _) => { handled.Enqueue(m.Id); return ValueTask.CompletedTask; }, _testCt);
        await bus.PublishAsync("signals", Message("before"), _testCt);
        await TestWait.UntilAsync(() => handled.Count == 1, Patience, _testCt);

        await server.StartAgainAsync(_testCt);
        using var inspector = await InspectorAsync(server.Url);
        await TestWait.UntilAsync(async () => await inspector.GetDatabase().KeyExistsAsync("signals"), Patience, _testCt);
        await bus.PublishAsync("signals", Message("after"), _testCt);

        await TestWait.UntilAsync(() => handled.Count == 2, Patience, _testCt);
        handled.ShouldBe(["before", "after"]);
    }

    [Fact]
    public async Task SubscribeAsync_ConsumerRestartsUnderItsName_HandlesItsPendingEntriesAtOnce()
    {
        await using var server = await RedisServer.StartAsync(_testCt);
        var stopping = await ConnectAsync(server.Url, Options("executor"));
        var taken = new TaskCompletionSource();
        _ = stopping.SubscribeAsync("orders", "executor", async (_, ct) => { taken.TrySetResult(); await Task.Delay(Timeout.Infinite, ct); }, _testCt);
        await stopping.PublishAsync("orders", Message("o1"), _testCt);
        await stopping.PublishAsync("orders", Message("o2"), _testCt);
        await taken.Task.WaitAsync(Patience, _testCt);
        await stopping.DisposeAsync();

        var neverReclaims = Options("executor") with { ClaimIdleTime = TimeSpan.FromHours(1) };
        await using var restarted = await ConnectAsync(server.Url, neverReclaims);
        var handled = new ConcurrentQueue<string>();
        _ = restarted.SubscribeAsync("orders", "executor", (m, _) => { handled.Enqueue(m.Id); return ValueTask.CompletedTask; }, _testCt);

        await TestWait.UntilAsync(() => handled.Count == 2, Patience, _testCt);
        handled.ShouldBe(["o1", "o2"]);
    }

    [Fact]
    public async Task SubscribeAsync_RestartedConsumerFindsAnEntryThatKeptCrashingIt_DeadLetteredWithoutRunningTheHandler()
    {
        await using var server = await RedisServer.StartAsync(_testCt);
        using var inspector = await InspectorAsync(server.Url);
        var db = inspector.GetDatabase();
        await db.StreamCreateConsumerGroupAsync("signals", "executor", StreamPosition.Beginning, createStream: true);
        await db.StreamAddAsync("signals", RedisEntryCodec.Encode(Message("crashes-the-executor")));
        // The executor took it four times under its own name and died each time before the ack.
        var entry = (await db.StreamReadGroupAsync("signals", "executor", "executor", ">")).ShouldHaveSingleItem();
        for (var i = 0; i < 3; i++) await db.StreamClaimAsync("signals", "executor", "executor", 0, [entry.Id]);

        var ran = false;
        await using var restarted = await ConnectAsync(server.Url, Options("executor") with { ClaimIdleTime = TimeSpan.FromHours(1) });
        _ = restarted.SubscribeAsync("signals", "executor", (_, _) => { ran = true; return ValueTask.CompletedTask; }, _testCt);

        await TestWait.UntilAsync(async () => await db.StreamLengthAsync(DeadLetter.StreamFor("signals")) == 1, Patience, _testCt);
        await TestWait.UntilAsync(async () => (await db.StreamPendingAsync("signals", "executor")).PendingMessageCount == 0, Patience, _testCt);
        ran.ShouldBeFalse();
    }
}
