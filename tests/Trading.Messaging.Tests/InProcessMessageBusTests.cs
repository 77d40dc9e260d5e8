using System.Collections.Concurrent;
using Shouldly;
using Trading.Core.Messaging;
using Trading.Messaging;
using static Trading.Messaging.Tests.BusTestKit;

namespace Trading.Messaging.Tests;

public sealed class InProcessMessageBusTests
{
    private readonly CancellationToken _testCt = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubscribeAsync_OneSubscriber_ReceivesEveryMessageInPublishOrder()
    {
        await using var bus = Bus(capacity: 16);
        var received = new List<string>();
        var done = new TaskCompletionSource();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_testCt);
        var consumer = bus.SubscribeAsync("candles.BTCUSDT", "g", (m, _) =>
        {
            received.Add(m.Id);
            if (received.Count == 500) done.SetResult();
            return ValueTask.CompletedTask;
        }, cts.Token);

        for (var i = 0; i < 500; i++) await bus.PublishAsync("candles.BTCUSDT", Message($"m{i}"), _testCt);
        await done.Task.WaitAsync(Patience, _testCt);

        received.ShouldBe(Enumerable.Range(0, 500).Select(i => $"m{i}"));
        await cts.CancelAsync();
        await consumer.WaitAsync(Patience, _testCt);
    }

    [Fact]
    public async Task PublishAsync_GroupFull_WaitsUntilTheConsumerCatchesUpAndDropsNothing()
    {
        await using var bus = Bus(capacity: 2);
        var firstTaken = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var received = new ConcurrentQueue<string>();
        var allFour = new TaskCompletionSource();
        var consumer = bus.SubscribeAsync("s", "g", async (m, _) =>
        {
            if (m.Id == "1") { firstTaken.SetResult(); await release.Task; }
            received.Enqueue(m.Id);
            if (received.Count == 4) allFour.SetResult();
        }, _testCt);

        await bus.PublishAsync("s", Message("1"), _testCt);
        await firstTaken.Task.WaitAsync(Patience, _testCt);
        await bus.PublishAsync("s", Message("2"), _testCt);
        await bus.PublishAsync("s", Message("3"), _testCt);
        var blocked = bus.PublishAsync("s", Message("4"), _testCt).AsTask();

        blocked.IsCompleted.ShouldBeFalse();
        release.SetResult();
        await blocked.WaitAsync(Patience, _testCt);
        await allFour.Task.WaitAsync(Patience, _testCt);
        received.ShouldBe(["1", "2", "3", "4"]);
        consumer.IsFaulted.ShouldBeFalse();
    }

    [Fact]
    public async Task PublishAsync_BlockedOnFullGroupAndCancelled_ThrowsOperationCanceled()
    {
        await using var bus = Bus(capacity: 1);
        using var consumerCts = new CancellationTokenSource();
        var taken = new TaskCompletionSource();
        _ = bus.SubscribeAsync("s", "g", async (_, ct) => { taken.TrySetResult(); await Task.Delay(Patience.Multiply(10), ct); }, consumerCts.Token);
        await bus.PublishAsync("s", Message("1"), _testCt);
        await taken.Task.WaitAsync(Patience, _testCt);
        await bus.PublishAsync("s", Message("2"), _testCt);

        using var publishCts = new CancellationTokenSource();
        var blocked = bus.PublishAsync("s", Message("3"), publishCts.Token).AsTask();
        blocked.IsCompleted.ShouldBeFalse();
        await publishCts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => blocked.WaitAsync(Patience, _testCt));
        await consumerCts.CancelAsync();
    }

    [Fact]
    public async Task SubscribeAsync_TwoGroups_EachGroupGetsEveryMessage()
    {
        await using var bus = Bus();
        var a = new ConcurrentQueue<string>();
        var b = new ConcurrentQueue<string>();
        var aDone = new TaskCompletionSource();
        var bDone = new TaskCompletionSource();
        _ = bus.SubscribeAsync("signals", "executor", (m, _) => { a.Enqueue(m.Id); if (a.Count == 10) aDone.SetResult(); return ValueTask.CompletedTask; }, _testCt);
        _ = bus.SubscribeAsync("signals", "recorder", (m, _) => { b.Enqueue(m.Id); if (b.Count == 10) bDone.SetResult(); return ValueTask.CompletedTask; }, _testCt);

        for (var i = 0; i < 10; i++) await bus.PublishAsync("signals", Message($"s{i}"), _testCt);
        await Task.WhenAll(aDone.Task, bDone.Task).WaitAsync(Patience, _testCt);

        a.ShouldBe(Enumerable.Range(0, 10).Select(i => $"s{i}"));
        b.ShouldBe(a);
    }

    [Fact]
    public async Task SubscribeAsync_TwoSubscribersInOneGroup_ShareTheMessages()
    {
        await using var bus = Bus();
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
        _ = bus.SubscribeAsync("orders", "executor", Handler("x"), _testCt);
        _ = bus.SubscribeAsync("orders", "executor", Handler("y"), _testCt);

        await bus.PublishAsync("orders", Message("o1"), _testCt);
        await bus.PublishAsync("orders", Message("o2"), _testCt);
        await done.Task.WaitAsync(Patience, _testCt);

        handled.Order().ShouldBe(["o1", "o2"]);
        seen.Values.Order().ShouldBe(["x", "y"]);
    }

    [Fact]
    public async Task SubscribeAsync_HandlerThrowsTwice_MessageIsRedeliveredAndThenHandled()
    {
        await using var bus = Bus(maxAttempts: 3);
        var attempts = 0;
        var handled = new ConcurrentQueue<string>();
        var done = new TaskCompletionSource();
        _ = bus.SubscribeAsync("s", "g", (m, _) =>
        {
            if (m.Id == "flaky" && ++attempts < 3) throw new InvalidOperationException("transient");
            handled.Enqueue(m.Id);
            if (handled.Count == 2) done.SetResult();
            return ValueTask.CompletedTask;
        }, _testCt);

        await bus.PublishAsync("s", Message("flaky"), _testCt);
        await bus.PublishAsync("s", Message("next"), _testCt);
        await done.Task.WaitAsync(Patience, _testCt);

        attempts.ShouldBe(3);
        handled.ShouldBe(["flaky", "next"]);
    }

    [Fact]
    public async Task SubscribeAsync_HandlerAlwaysThrows_MessageGoesToDeadLetterStream()
    {
        await using var bus = Bus(maxAttempts: 3);
        var dead = new TaskCompletionSource<MessageEnvelope>();
        var handled = new TaskCompletionSource<string>();
        var attempts = 0;
        _ = bus.SubscribeAsync("orders.dead", "ops", (m, _) => { dead.TrySetResult(m); return ValueTask.CompletedTask; }, _testCt);
        _ = bus.SubscribeAsync("orders", "executor", (m, _) =>
        {
            if (m.Id == "poison") { attempts++; throw new FormatException("bad payload"); }
            handled.TrySetResult(m.Id);
            return ValueTask.CompletedTask;
        }, _testCt);

        await bus.PublishAsync("orders", Message("poison", 7), _testCt);
        await bus.PublishAsync("orders", Message("fine"), _testCt);

        var letter = (await dead.Task.WaitAsync(Patience, _testCt)).Deserialize<DeadLetter>();
        letter.Message.Id.ShouldBe("poison");
        letter.Stream.ShouldBe("orders");
        letter.Group.ShouldBe("executor");
        letter.Attempts.ShouldBe(3);
        letter.Error.ShouldContain("bad payload");
        attempts.ShouldBe(3);
        (await handled.Task.WaitAsync(Patience, _testCt)).ShouldBe("fine");
    }

    [Fact]
    public async Task SubscribeAsync_SameIdPublishedTwice_HandledOncePerGroup()
    {
        await using var bus = Bus();
        var a = new ConcurrentQueue<string>();
        var b = new ConcurrentQueue<string>();
        var aDone = new TaskCompletionSource();
        var bDone = new TaskCompletionSource();
        _ = bus.SubscribeAsync("s", "a", (m, _) => { a.Enqueue(m.Id); if (m.Id == "end") aDone.SetResult(); return ValueTask.CompletedTask; }, _testCt);
        _ = bus.SubscribeAsync("s", "b", (m, _) => { b.Enqueue(m.Id); if (m.Id == "end") bDone.SetResult(); return ValueTask.CompletedTask; }, _testCt);

        await bus.PublishAsync("s", Message("dup"), _testCt);
        await bus.PublishAsync("s", Message("dup"), _testCt);
        await bus.PublishAsync("s", Message("end"), _testCt);
        await Task.WhenAll(aDone.Task, bDone.Task).WaitAsync(Patience, _testCt);

        a.ShouldBe(["dup", "end"]);
        b.ShouldBe(["dup", "end"]);
    }

    [Fact]
    public async Task SubscribeAsync_Cancelled_CompletesWithoutError()
    {
        await using var bus = Bus();
        using var cts = new CancellationTokenSource();
        var consumer = bus.SubscribeAsync("s", "g", (_, _) => ValueTask.CompletedTask, cts.Token);

        await cts.CancelAsync();

        await consumer.WaitAsync(Patience, _testCt);
        consumer.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task SubscribeAsync_CancelledMidMessage_MessageGoesToAnotherSubscriberOfTheGroup()
    {
        await using var bus = Bus();
        using var firstCts = new CancellationTokenSource();
        var firstStarted = new TaskCompletionSource();
        var first = bus.SubscribeAsync("s", "g", async (_, ct) => { firstStarted.SetResult(); await Task.Delay(Patience.Multiply(10), ct); }, firstCts.Token);
        await bus.PublishAsync("s", Message("unfinished"), _testCt);
        await firstStarted.Task.WaitAsync(Patience, _testCt);

        var second = new TaskCompletionSource<string>();
        _ = bus.SubscribeAsync("s", "g", (m, _) => { second.TrySetResult(m.Id); return ValueTask.CompletedTask; }, _testCt);
        await firstCts.CancelAsync();

        (await second.Task.WaitAsync(Patience, _testCt)).ShouldBe("unfinished");
        await first.WaitAsync(Patience, _testCt);
    }

    [Fact]
    public async Task PublishAsync_BeforeAnyGroup_FirstGroupGetsTheRetainedMessagesAndOverflowIsCounted()
    {
        await using var bus = Bus(capacity: 2);
        for (var i = 1; i <= 3; i++) await bus.PublishAsync("s", Message($"m{i}"), _testCt);
        var received = new ConcurrentQueue<string>();
        var done = new TaskCompletionSource();

        _ = bus.SubscribeAsync("s", "late", (m, _) => { received.Enqueue(m.Id); if (received.Count == 3) done.SetResult(); return ValueTask.CompletedTask; }, _testCt);
        await bus.PublishAsync("s", Message("m4"), _testCt);
        await done.Task.WaitAsync(Patience, _testCt);

        received.ShouldBe(["m2", "m3", "m4"]);
        bus.TrimmedWithoutConsumers("s").ShouldBe(1);
    }

    [Fact]
    public async Task DisposeAsync_WithRunningSubscriber_SubscriberEndsAndPublishThrows()
    {
        var bus = Bus();
        var consumer = bus.SubscribeAsync("s", "g", (_, _) => ValueTask.CompletedTask, _testCt);

        await bus.DisposeAsync();

        await consumer.WaitAsync(Patience, _testCt);
        await Should.ThrowAsync<ObjectDisposedException>(async () => await bus.PublishAsync("s", Message("x"), _testCt));
    }
}
