using System.Collections.Concurrent;
using Shouldly;
using Trading.Core.Messaging;
using Trading.TestInfrastructure;
using static Trading.Messaging.Tests.BusTestKit;

namespace Trading.Messaging.Tests;

/// <summary>What every <see cref="IMessageBus"/> must do; a derived class runs it against one implementation.</summary>
public abstract class MessageBusContractTests
{
    protected readonly CancellationToken _testCt = TestContext.Current.CancellationToken;

    /// <param name="capacity">The in-process bus's per-group capacity; a bus without one ignores it.</param>
    protected abstract Task<IMessageBus> BusAsync(int capacity = 64, int maxAttempts = 3);

    /// <summary>The stream name a test uses for <paramref name="name"/>; a bus on a shared server makes it unique per test.</summary>
    protected virtual string Stream(string name) => name;

    [Fact]
    public async Task SubscribeAsync_OneSubscriber_ReceivesEveryMessageInPublishOrder()
    {
        await using var bus = await BusAsync(capacity: 16);
        var received = new List<string>();
        var done = new TaskCompletionSource();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_testCt);
        var consumer = bus.SubscribeAsync(Stream("candles.BTCUSDT"), "g", (m, _) =>
        {
            received.Add(m.Id);
            if (received.Count == 500) done.SetResult();
            return ValueTask.CompletedTask;
        }, cts.Token);

        for (var i = 0; i < 500; i++) await bus.PublishAsync(Stream("candles.BTCUSDT"), Message($"m{i}"), _testCt);
        await done.Task.WaitAsync(Patience, _testCt);

        received.ShouldBe(Enumerable.Range(0, 500).Select(i => $"m{i}"));
        await cts.CancelAsync();
        await consumer.WaitAsync(Patience, _testCt);
    }

    [Fact]
    public async Task PublishManyAsync_SeveralBatches_EveryMessageArrivesOnceInPublishOrder()
    {
        await using var bus = await BusAsync(capacity: 16);
        var received = new ConcurrentQueue<string>();
        _ = bus.SubscribeAsync(Stream("candles.ETHUSDT"), "g", (m, _) => { received.Enqueue(m.Id); return ValueTask.CompletedTask; }, _testCt);
        var sent = Enumerable.Range(0, 300).Select(i => $"m{i}").ToList();

        foreach (var batch in sent.Chunk(100)) await bus.PublishManyAsync(Stream("candles.ETHUSDT"), batch.Select(id => Message(id)).ToList(), _testCt);
        await bus.PublishManyAsync(Stream("candles.ETHUSDT"), [], _testCt);
        await TestWait.UntilAsync(() => received.Count >= sent.Count, Patience, _testCt);

        received.ShouldBe(sent);
    }

    [Fact]
    public async Task SubscribeAsync_TwoGroups_EachGroupGetsEveryMessage()
    {
        await using var bus = await BusAsync();
        var a = new ConcurrentQueue<string>();
        var b = new ConcurrentQueue<string>();
        var aDone = new TaskCompletionSource();
        var bDone = new TaskCompletionSource();
        _ = bus.SubscribeAsync(Stream("signals"), "executor", (m, _) => { a.Enqueue(m.Id); if (a.Count == 10) aDone.SetResult(); return ValueTask.CompletedTask; }, _testCt);
        _ = bus.SubscribeAsync(Stream("signals"), "recorder", (m, _) => { b.Enqueue(m.Id); if (b.Count == 10) bDone.SetResult(); return ValueTask.CompletedTask; }, _testCt);

        for (var i = 0; i < 10; i++) await bus.PublishAsync(Stream("signals"), Message($"s{i}"), _testCt);
        await Task.WhenAll(aDone.Task, bDone.Task).WaitAsync(Patience, _testCt);

        a.ShouldBe(Enumerable.Range(0, 10).Select(i => $"s{i}"));
        b.ShouldBe(a);
    }

    [Fact]
    public async Task SubscribeAsync_TwoSubscribersInOneGroup_ShareTheMessages()
    {
        await using var bus = await BusAsync();
        var seen = new ConcurrentDictionary<string, string>();
        var bothBusy = new CountdownEvent(2);
        var handled = new ConcurrentQueue<string>();
        var done = new TaskCompletionSource();
        Func<MessageEnvelope, CancellationToken, ValueTask> Handler(string name) => async (m, _) =>
        {
            seen[m.Id] = name;
            bothBusy.Signal();
            // Each subscriber holds its message until the other has one too, so neither can take both.
            await Task.Run(() => bothBusy.Wait(Patience)).WaitAsync(Patience);
            handled.Enqueue(m.Id);
            if (handled.Count == 2) done.SetResult();
        };
        _ = bus.SubscribeAsync(Stream("orders"), "executor", Handler("x"), _testCt);
        _ = bus.SubscribeAsync(Stream("orders"), "executor", Handler("y"), _testCt);

        await bus.PublishAsync(Stream("orders"), Message("o1"), _testCt);
        await bus.PublishAsync(Stream("orders"), Message("o2"), _testCt);
        await done.Task.WaitAsync(Patience, _testCt);

        handled.Order().ShouldBe(["o1", "o2"]);
        seen.Values.Order().ShouldBe(["x", "y"]);
    }

    [Fact]
    public async Task SubscribeAsync_HandlerThrowsTwice_MessageIsRedeliveredAndThenHandled()
    {
        await using var bus = await BusAsync(maxAttempts: 3);
        var attempts = 0;
        var handled = new ConcurrentQueue<string>();
        var done = new TaskCompletionSource();
        _ = bus.SubscribeAsync(Stream("s"), "g", (m, _) =>
        {
            if (m.Id == "flaky" && ++attempts < 3) throw new InvalidOperationException("transient");
            handled.Enqueue(m.Id);
            if (handled.Count == 2) done.SetResult();
            return ValueTask.CompletedTask;
        }, _testCt);

        await bus.PublishAsync(Stream("s"), Message("flaky"), _testCt);
        await bus.PublishAsync(Stream("s"), Message("next"), _testCt);
        await done.Task.WaitAsync(Patience, _testCt);

        attempts.ShouldBe(3);
        handled.ShouldBe(["flaky", "next"]);
    }

    [Fact]
    public async Task SubscribeAsync_HandlerAlwaysThrows_MessageGoesToDeadLetterStream()
    {
        await using var bus = await BusAsync(maxAttempts: 3);
        var dead = new TaskCompletionSource<MessageEnvelope>();
        var handled = new TaskCompletionSource<string>();
        var attempts = 0;
        _ = bus.SubscribeAsync(DeadLetter.StreamFor(Stream("orders")), "ops", (m, _) => { dead.TrySetResult(m); return ValueTask.CompletedTask; }, _testCt);
        _ = bus.SubscribeAsync(Stream("orders"), "executor", (m, _) =>
        {
            if (m.Id == "poison") { attempts++; throw new FormatException("bad payload"); }
            handled.TrySetResult(m.Id);
            return ValueTask.CompletedTask;
        }, _testCt);

        await bus.PublishAsync(Stream("orders"), Message("poison", 7), _testCt);
        await bus.PublishAsync(Stream("orders"), Message("fine"), _testCt);

        var letter = (await dead.Task.WaitAsync(Patience, _testCt)).Deserialize<DeadLetter>();
        letter.Message.Id.ShouldBe("poison");
        letter.Stream.ShouldBe(Stream("orders"));
        letter.Group.ShouldBe("executor");
        letter.Attempts.ShouldBe(3);
        letter.Error.ShouldContain("bad payload");
        attempts.ShouldBe(3);
        (await handled.Task.WaitAsync(Patience, _testCt)).ShouldBe("fine");
    }

    [Fact]
    public async Task SubscribeAsync_SameIdPublishedTwice_HandledOncePerGroup()
    {
        await using var bus = await BusAsync();
        var a = new ConcurrentQueue<string>();
        var b = new ConcurrentQueue<string>();
        var aDone = new TaskCompletionSource();
        var bDone = new TaskCompletionSource();
        _ = bus.SubscribeAsync(Stream("s"), "a", (m, _) => { a.Enqueue(m.Id); if (m.Id == "end") aDone.SetResult(); return ValueTask.CompletedTask; }, _testCt);
        _ = bus.SubscribeAsync(Stream("s"), "b", (m, _) => { b.Enqueue(m.Id); if (m.Id == "end") bDone.SetResult(); return ValueTask.CompletedTask; }, _testCt);

        await bus.PublishAsync(Stream("s"), Message("dup"), _testCt);
        await bus.PublishAsync(Stream("s"), Message("dup"), _testCt);
        await bus.PublishAsync(Stream("s"), Message("end"), _testCt);
        await Task.WhenAll(aDone.Task, bDone.Task).WaitAsync(Patience, _testCt);

        a.ShouldBe(["dup", "end"]);
        b.ShouldBe(["dup", "end"]);
    }

    [Fact]
    public async Task SubscribeAsync_Cancelled_CompletesWithoutError()
    {
        await using var bus = await BusAsync();
        using var cts = new CancellationTokenSource();
        var consumer = bus.SubscribeAsync(Stream("s"), "g", (_, _) => ValueTask.CompletedTask, cts.Token);

        await cts.CancelAsync();

        await consumer.WaitAsync(Patience, _testCt);
        consumer.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task SubscribeAsync_CancelledMidMessage_MessageGoesToAnotherSubscriberOfTheGroup()
    {
        await using var bus = await BusAsync();
        using var firstCts = new CancellationTokenSource();
        var firstStarted = new TaskCompletionSource();
        var first = bus.SubscribeAsync(Stream("s"), "g", async (_, ct) => { firstStarted.SetResult(); await Task.Delay(Patience.Multiply(10), ct); }, firstCts.Token);
        await bus.PublishAsync(Stream("s"), Message("unfinished"), _testCt);
        await firstStarted.Task.WaitAsync(Patience, _testCt);

        var second = new TaskCompletionSource<string>();
        _ = bus.SubscribeAsync(Stream("s"), "g", (m, _) => { second.TrySetResult(m.Id); return ValueTask.CompletedTask; }, _testCt);
        await firstCts.CancelAsync();

        (await second.Task.WaitAsync(Patience, _testCt)).ShouldBe("unfinished");
        await first.WaitAsync(Patience, _testCt);
    }

    [Fact]
    public async Task DisposeAsync_WithRunningSubscriber_SubscriberEndsAndPublishThrows()
    {
        var bus = await BusAsync();
        var consumer = bus.SubscribeAsync(Stream("s"), "g", (_, _) => ValueTask.CompletedTask, _testCt);

        await bus.DisposeAsync();

        await consumer.WaitAsync(Patience, _testCt);
        await Should.ThrowAsync<ObjectDisposedException>(async () => await bus.PublishAsync(Stream("s"), Message("x"), _testCt));
    }
}
