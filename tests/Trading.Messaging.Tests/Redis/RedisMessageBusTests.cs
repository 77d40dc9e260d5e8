using System.Collections.Concurrent;
using Shouldly;
using StackExchange.Redis;
using Trading.Core.Messaging;
using Trading.Messaging.Redis;
using Trading.TestInfrastructure;
using Trading.TestInfrastructure.Servers;
using static Trading.Messaging.Tests.BusTestKit;
using static Trading.Messaging.Tests.Redis.RedisBusTestKit;

namespace Trading.Messaging.Tests.Redis;

/// <summary>What only a shared server shows: two processes, pending entries, reclaim, trimming and entries the bus never wrote.</summary>
public sealed class RedisMessageBusTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly CancellationToken _testCt = TestContext.Current.CancellationToken;
    private ConnectionMultiplexer _inspector = null!;

    private IDatabase Db => _inspector.GetDatabase();

    public async ValueTask InitializeAsync() => _inspector = await InspectorAsync(redis.Url);

    public async ValueTask DisposeAsync() => await _inspector.DisposeAsync();

    [Fact]
    public async Task PublishAsync_OnOneBus_ConsumedInOrderByAnotherBusWithTheSameEnvelope()
    {
        var stream = UniqueStream("candles.BTCUSDT");
        await using var collector = await ConnectAsync(redis.Url, Options("collector"));
        await using var engine = await ConnectAsync(redis.Url, Options("engine"));
        var received = new ConcurrentQueue<MessageEnvelope>();
        _ = engine.SubscribeAsync(stream, "strategy-engine", (m, _) => { received.Enqueue(m); return ValueTask.CompletedTask; }, _testCt);
        var sent = Enumerable.Range(0, 100).Select(i => MessageEnvelope.Create(CandleMessage.ClosedType,
            new { close = 42_000.5m + i }, DateTimeOffset.UnixEpoch.AddMinutes(i), version: 2, id: $"c{i}")).ToList();

        foreach (var message in sent) await collector.PublishAsync(stream, message, _testCt);
        await TestWait.UntilAsync(() => received.Count == sent.Count, Patience, _testCt);

        received.Select(m => (m.Id, m.Type, m.Version, m.Time, m.Payload.GetRawText()))
            .ShouldBe(sent.Select(m => (m.Id, m.Type, m.Version, m.Time, m.Payload.GetRawText())));
    }

    [Fact]
    public async Task SubscribeAsync_HandlerStillRunning_EntryStaysPendingUntilTheHandlerSucceeds()
    {
        var stream = UniqueStream("orders");
        await using var bus = await ConnectAsync(redis.Url, Options("executor"));
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        _ = bus.SubscribeAsync(stream, "executor", async (_, _) => { started.TrySetResult(); await release.Task; }, _testCt);

        await bus.PublishAsync(stream, Message("o1"), _testCt);
        await started.Task.WaitAsync(Patience, _testCt);

        (await Db.StreamPendingAsync(stream, "executor")).PendingMessageCount.ShouldBe(1);
        release.SetResult();
        await TestWait.UntilAsync(async () => (await Db.StreamPendingAsync(stream, "executor")).PendingMessageCount == 0, Patience, _testCt);
    }

    [Fact]
    public async Task SubscribeAsync_HandlerAlwaysFails_RetriedThenDeadLetteredWithItsReasonAndAcknowledged()
    {
        var stream = UniqueStream("signals");
        await using var bus = await ConnectAsync(redis.Url, Options("executor", maxAttempts: 3));
        var attempts = 0;
        var handled = new TaskCompletionSource<string>();
        _ = bus.SubscribeAsync(stream, "executor", (m, _) =>
        {
            if (m.Id == "poison") { attempts++; throw new InvalidDataException("price is NaN"); }
            handled.TrySetResult(m.Id);
            return ValueTask.CompletedTask;
        }, _testCt);

        await bus.PublishAsync(stream, Message("poison"), _testCt);
        await bus.PublishAsync(stream, Message("fine"), _testCt);

        (await handled.Task.WaitAsync(Patience, _testCt)).ShouldBe("fine");
        attempts.ShouldBe(3);
        var letter = (await DeadLettersAsync(stream)).ShouldHaveSingleItem();
        (letter.Message.Id, letter.Group, letter.Attempts).ShouldBe(("poison", "executor", 3));
        letter.Error.ShouldBe("InvalidDataException: price is NaN");
        await TestWait.UntilAsync(async () => (await Db.StreamPendingAsync(stream, "executor")).PendingMessageCount == 0, Patience, _testCt);
    }

    [Fact]
    public async Task SubscribeAsync_ConsumerDiedWithPendingEntries_AnotherConsumerReclaimsAndHandlesThem()
    {
        var stream = UniqueStream("signals");
        var dying = await ConnectAsync(redis.Url, Options("executor-1"));
        var taken = new TaskCompletionSource();
        // Published before anyone listens, so the first group read takes all three in one batch (the group starts at the beginning).
        foreach (var id in new[] { "s1", "s2", "s3" }) await dying.PublishAsync(stream, Message(id), _testCt);
        _ = dying.SubscribeAsync(stream, "executor", async (_, ct) => { taken.TrySetResult(); await Task.Delay(Timeout.Infinite, ct); }, _testCt);
        await taken.Task.WaitAsync(Patience, _testCt);
        await dying.DisposeAsync();
        (await Db.StreamPendingAsync(stream, "executor")).PendingMessageCount.ShouldBe(3);

        await using var survivor = await ConnectAsync(redis.Url, Options("executor-2"));
        var handled = new ConcurrentQueue<string>();
        _ = survivor.SubscribeAsync(stream, "executor", (m, _) => { handled.Enqueue(m.Id); return ValueTask.CompletedTask; }, _testCt);

        await TestWait.UntilAsync(() => handled.Count == 3, Patience, _testCt);
        handled.ShouldBe(["s1", "s2", "s3"]);
        await TestWait.UntilAsync(async () => (await Db.StreamPendingAsync(stream, "executor")).PendingMessageCount == 0, Patience, _testCt);
    }

    [Fact]
    public async Task SubscribeAsync_SameMessageAddedAgainAfterItWasHandled_OneEffectAndBothEntriesAcknowledged()
    {
        var stream = UniqueStream("fills");
        await using var bus = await ConnectAsync(redis.Url, Options("portfolio"));
        var effects = new ConcurrentDictionary<string, int>();
        _ = bus.SubscribeAsync(stream, "portfolio", (m, _) => { effects.AddOrUpdate(m.Id, 1, (_, n) => n + 1); return ValueTask.CompletedTask; }, _testCt);
        var fill = Message("fill-1", 5);

        await bus.PublishAsync(stream, fill, _testCt);
        await TestWait.UntilAsync(() => effects.ContainsKey("fill-1"), Patience, _testCt);
        // A publisher whose XADD timed out after Redis took it adds the same message again.
        await Db.StreamAddAsync(stream, RedisEntryCodec.Encode(fill));
        await bus.PublishAsync(stream, Message("end"), _testCt);

        await TestWait.UntilAsync(() => effects.ContainsKey("end"), Patience, _testCt);
        effects["fill-1"].ShouldBe(1);
        await TestWait.UntilAsync(async () => (await Db.StreamPendingAsync(stream, "portfolio")).PendingMessageCount == 0, Patience, _testCt);
    }

    [Fact]
    public async Task PublishManyAsync_OneBatch_EveryEntryCarriesItsEnvelopeAndTheStreamIsTrimmed()
    {
        var stream = UniqueStream("fills");
        await using var bus = await ConnectAsync(redis.Url, Options("executor") with { MaxLength = 100 });

        await bus.PublishManyAsync(stream, [.. Enumerable.Range(0, 1_000).Select(i => Message($"f{i}", i))], _testCt);

        var entries = await Db.StreamRangeAsync(stream);
        entries.Length.ShouldBeInRange(100, 999);
        var last = entries[^1];
        ((string?)last["id"]).ShouldBe("f999");
        RedisEntryCodec.TryDecode(last, out var decoded, out _).ShouldBeTrue();
        decoded.Payload.GetProperty("value").GetInt32().ShouldBe(999);
    }

    [Fact]
    public async Task PublishManyAsync_KeyIsNotAStream_FailsAtOnceWithTheServersError()
    {
        var stream = UniqueStream("orders");
        await Db.StringSetAsync(stream, "not a stream");
        await using var bus = await ConnectAsync(redis.Url, Options("executor"));

        var error = await Should.ThrowAsync<RedisServerException>(bus.PublishManyAsync(stream, [Message("o1"), Message("o2")], _testCt).AsTask());

        error.Message.ShouldStartWith("WRONGTYPE");
    }

    [Fact]
    public async Task PublishAsync_MaxLengthSet_TrimsTheStreamToAboutThatLength()
    {
        var stream = UniqueStream("candles.ETHUSDT");
        await using var bus = await ConnectAsync(redis.Url, Options("collector") with { MaxLength = 100 });

        for (var i = 0; i < 1_000; i++) await bus.PublishAsync(stream, Message($"c{i}"), _testCt);

        (await Db.StreamLengthAsync(stream)).ShouldBeInRange(100, 250);
        var newest = await Db.StreamRangeAsync(stream, "-", "+", count: 1, messageOrder: Order.Descending);
        ((string?)newest[0]["id"]).ShouldBe("c999");
    }

    [Fact]
    public async Task SubscribeAsync_UnreadableEntry_DeadLetteredWithTheReasonAndTheConsumerGoesOn()
    {
        var stream = UniqueStream("orders");
        await using var bus = await ConnectAsync(redis.Url, Options("executor"));
        var handled = new TaskCompletionSource<string>();
        _ = bus.SubscribeAsync(stream, "executor", (m, _) => { handled.TrySetResult(m.Id); return ValueTask.CompletedTask; }, _testCt);

        await Db.StreamAddAsync(stream, RedisEntryCodec.EnvelopeField, "{not json");
        await bus.PublishAsync(stream, Message("fine"), _testCt);

        (await handled.Task.WaitAsync(Patience, _testCt)).ShouldBe("fine");
        var letter = (await DeadLettersAsync(stream)).ShouldHaveSingleItem();
        letter.Error.ShouldContain("is not valid JSON");
        letter.Message.Type.ShouldBe("unreadable");
    }

    [Fact]
    public async Task SubscribeAsync_EntryDeliveredMoreThanMaxDeliveries_DeadLetteredWithoutRunningTheHandler()
    {
        var stream = UniqueStream("signals");
        await using var bus = await ConnectAsync(redis.Url, Options("publisher"));
        await Db.StreamCreateConsumerGroupAsync(stream, "executor", StreamPosition.Beginning, createStream: true);
        await bus.PublishAsync(stream, Message("crashes-its-consumer"), _testCt);
        // Four consumers took it in turn and each crashed before the ack.
        var entry = (await Db.StreamReadGroupAsync(stream, "executor", "crashed-1", ">")).ShouldHaveSingleItem();
        foreach (var consumer in new[] { "crashed-2", "crashed-3", "crashed-4" })
            await Db.StreamClaimAsync(stream, "executor", consumer, 0, [entry.Id]);

        var ran = false;
        await using var survivor = await ConnectAsync(redis.Url, Options("executor-5"));
        _ = survivor.SubscribeAsync(stream, "executor", (_, _) => { ran = true; return ValueTask.CompletedTask; }, _testCt);

        await TestWait.UntilAsync(async () => (await Db.StreamLengthAsync(DeadLetter.StreamFor(stream))) == 1, Patience, _testCt);
        var letter = (await DeadLettersAsync(stream)).ShouldHaveSingleItem();
        letter.Attempts.ShouldBe(5);
        letter.Error.ShouldStartWith("delivered 5 times without an acknowledgement");
        ran.ShouldBeFalse();
        await TestWait.UntilAsync(async () => (await Db.StreamPendingAsync(stream, "executor")).PendingMessageCount == 0, Patience, _testCt);
    }

    private async Task<List<DeadLetter>> DeadLettersAsync(string stream)
    {
        var entries = await Db.StreamRangeAsync(DeadLetter.StreamFor(stream));
        return entries.Select(e => RedisEntryCodec.TryDecode(e, out var m, out var problem) ? m.Deserialize<DeadLetter>() : throw new InvalidDataException(problem)).ToList();
    }
}
