using Shouldly;
using Trading.Messaging;

namespace Trading.Messaging.Tests;

public sealed class MessageDeduplicatorTests
{
    [Fact]
    public void TryBegin_IdInFlightOrHandled_ReturnsFalse()
    {
        var dedupe = new MessageDeduplicator();
        dedupe.TryBegin("a").ShouldBeTrue();
        dedupe.TryBegin("a").ShouldBeFalse();
        dedupe.Complete("a");
        dedupe.TryBegin("a").ShouldBeFalse();
        dedupe.WasHandled("a").ShouldBeTrue();
    }

    [Fact]
    public void Abandon_AfterFailure_AllowsTheIdAgain()
    {
        var dedupe = new MessageDeduplicator();
        dedupe.TryBegin("a").ShouldBeTrue();
        dedupe.Abandon("a");
        dedupe.TryBegin("a").ShouldBeTrue();
        dedupe.WasHandled("a").ShouldBeFalse();
    }

    [Fact]
    public void Complete_BeyondWindow_ForgetsTheOldestId()
    {
        var dedupe = new MessageDeduplicator(window: 2);
        foreach (var id in new[] { "a", "b", "c" })
        {
            dedupe.TryBegin(id).ShouldBeTrue();
            dedupe.Complete(id);
        }
        dedupe.WasHandled("a").ShouldBeFalse();
        dedupe.WasHandled("b").ShouldBeTrue();
        dedupe.WasHandled("c").ShouldBeTrue();
    }
}
