using Shouldly;

namespace Trading.Storage.Tests;

/// <summary>The singleton locks: one holder per name across store instances (as across processes), released on dispose.</summary>
public abstract partial class TradingStoreSuite
{
    [Fact]
    public async Task SingletonLocks_HeldByAnotherStore_RefusedUntilReleased()
    {
        await using var other = await OpenSecondStoreAsync();

        var first = await Store.SingletonLocks.TryAcquireAsync("bot-supervisor", Ct);
        var refused = await other.SingletonLocks.TryAcquireAsync("bot-supervisor", Ct);
        var otherName = await other.SingletonLocks.TryAcquireAsync("order-executor", Ct);
        await first!.DisposeAsync();
        var afterRelease = await other.SingletonLocks.TryAcquireAsync("bot-supervisor", Ct);

        first.ShouldNotBeNull();
        refused.ShouldBeNull();
        otherName.ShouldNotBeNull();
        afterRelease.ShouldNotBeNull();
        await otherName.DisposeAsync();
        await afterRelease.DisposeAsync();
    }
}
