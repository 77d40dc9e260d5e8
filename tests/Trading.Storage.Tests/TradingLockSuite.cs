using System.Globalization;
using Shouldly;
using Trading.Core.Storage;

namespace Trading.Storage.Tests;

/// <summary>The trading lock: one holder at a time, across store instances (as across processes).</summary>
public abstract partial class TradingStoreSuite
{
    private const string CounterKey = "test.counter";

    [Fact]
    public async Task TradingLock_ReadModifyWriteFromTwoStoresAtOnce_LosesNoUpdate()
    {
        await using var other = await OpenSecondStoreAsync();
        var stores = new[] { Store, other };

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => IncrementAsync(stores[i % 2]), Ct)));

        (await Store.SystemState.GetAsync(CounterKey, Ct)).ShouldBe("20");
    }

    [Fact]
    public async Task TradingLock_CancelledWhileWaiting_ThrowsAndLockStaysUsable()
    {
        await using (await Store.TradingLock.AcquireAsync(Ct))
        {
            using var cancel = new CancellationTokenSource();
            var waiting = Store.TradingLock.AcquireAsync(cancel.Token);
            await cancel.CancelAsync();
            await Should.ThrowAsync<OperationCanceledException>(() => waiting);
        }

        await using (await Store.TradingLock.AcquireAsync(Ct)) { }
    }

    private static async Task IncrementAsync(ITradingStore store)
    {
        await using var held = await store.TradingLock.AcquireAsync(Ct);
        var value = await store.SystemState.GetAsync(CounterKey, Ct) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        await Task.Yield();
        await store.SystemState.SetAsync(CounterKey, (value + 1).ToString(CultureInfo.InvariantCulture), Ct);
    }
}
