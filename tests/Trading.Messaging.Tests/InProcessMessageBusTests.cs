using System.Collections.Concurrent;
using Shouldly;
using Trading.Core.Messaging;
using Trading.Messaging;
using static Trading.Messaging.Tests.BusTestKit;

namespace Trading.Messaging.Tests;

/// <summary>The in-process bus: the shared contract, plus its bounded capacity and what it keeps before the first group joins.</summary>
public sealed class InProcessMessageBusTests : MessageBusContractTests
{
    protected override Task<IMessageBus> BusAsync(int capacity = 64, int maxAttempts = 3) =>
        Task.FromResult<IMessageBus>(Bus(capacity, maxAttempts));

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
}
