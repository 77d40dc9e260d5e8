using System.Collections.Concurrent;
using Shouldly;
using Trading.Messaging;
using static Trading.Messaging.Tests.BusTestKit;

namespace Trading.Messaging.Tests;

/// <summary>An idle subscriber handles a message on the publisher's thread, and every group sees a message before what it caused.</summary>
public sealed class InProcessInlineHandoffTests
{
    [ThreadStatic] private static bool _insidePublish;
    private readonly CancellationToken _testCt = TestContext.Current.CancellationToken;

    /// <summary>Waits (yielding, never sleeping) until each group has a subscriber parked for its next message.</summary>
    private async Task UntilIdleAsync(InProcessMessageBus bus, params (string Stream, string Group)[] groups)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(_testCt);
        patience.CancelAfter(Patience);
        while (!groups.All(g => bus.IdleSubscribers(g.Stream, g.Group) > 0))
        {
            patience.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }

    /// <summary>Publishes one message to an idle subscriber; true when its handler ran inside the publish call.</summary>
    private async Task<bool> HandledInsidePublishAsync(InProcessMessageBus bus)
    {
        var handledInsidePublish = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = bus.SubscribeAsync("s", "g", (_, _) =>
        {
            handledInsidePublish.TrySetResult(_insidePublish);
            return ValueTask.CompletedTask;
        }, _testCt);
        await UntilIdleAsync(bus, ("s", "g"));

        _insidePublish = true;
        var publish = bus.PublishAsync("s", Message("1"), _testCt);
        _insidePublish = false;
        await publish;
        return await handledInsidePublish.Task.WaitAsync(Patience, _testCt);
    }

    [Fact]
    public async Task PublishAsync_IdleSubscriber_HandledInsideThePublishCall()
    {
        await using var bus = Bus();

        (await HandledInsidePublishAsync(bus)).ShouldBeTrue();
    }

    [Fact]
    public async Task PublishAsync_HandlerPublishesAnotherMessage_EveryGroupSeesTheFirstMessageBeforeTheDerivedOne()
    {
        await using var bus = Bus();
        var seen = new ConcurrentQueue<string>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void See(string what)
        {
            seen.Enqueue(what);
            if (seen.Count == 2) both.TrySetResult();
        }
        _ = bus.SubscribeAsync("candles", "engine", (m, ct) => bus.PublishAsync("signals", Message($"signal-of-{m.Id}"), ct), _testCt);
        _ = bus.SubscribeAsync("candles", "executor", (m, _) => { See($"executor saw {m.Id}"); return ValueTask.CompletedTask; }, _testCt);
        _ = bus.SubscribeAsync("signals", "executor", (m, _) => { See($"executor saw {m.Id}"); return ValueTask.CompletedTask; }, _testCt);
        await UntilIdleAsync(bus, ("candles", "engine"), ("candles", "executor"), ("signals", "executor"));

        await bus.PublishAsync("candles", Message("c1"), _testCt);
        await both.Task.WaitAsync(Patience, _testCt);

        seen.ShouldBe(["executor saw c1", "executor saw signal-of-c1"]);
    }

    [Fact]
    public async Task PublishAsync_InlineHandoffOff_HandledOutsideThePublishCall()
    {
        await using var bus = new InProcessMessageBus(new InProcessBusOptions { InlineHandoff = false });

        (await HandledInsidePublishAsync(bus)).ShouldBeFalse();
    }
}
