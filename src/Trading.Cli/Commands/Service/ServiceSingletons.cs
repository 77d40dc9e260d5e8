using System.Globalization;
using Trading.Core.Storage;
using Trading.Services.Hosting;

namespace Trading.Cli.Commands.Service;

/// <summary>
/// One process per service on a store: `service run` takes the store's singleton lock of every service it hosts before it
/// starts any, so a second bot supervisor (or collector, engine, executor, portfolio manager) on the same store is refused
/// with one error line naming the holder, instead of restarting bots twice or splitting a consumer group's messages.
/// </summary>
internal static class ServiceSingletons
{
    /// <summary>The held locks (dispose to release), or null after printing the error when one is held elsewhere.</summary>
    public static async Task<IAsyncDisposable?> TryAcquireAsync(ITradingStore store, IReadOnlyCollection<string> services, CancellationToken ct)
    {
        var held = new List<IAsyncDisposable>();
        foreach (var name in services)
        {
            if (await store.SingletonLocks.TryAcquireAsync(name, ct) is { } taken)
            {
                held.Add(taken);
                continue;
            }
            foreach (var other in held) await other.DisposeAsync();
            await Console.Error.WriteLineAsync($"error: {name} is already running on this store{await HolderAsync(store, name, ct)}; " +
                "stop it first (`trading service down`), or give this one another DATABASE_URL or data directory");
            return null;
        }
        return new Held(held);
    }

    /// <summary>Who runs it, from the newest lifecycle record of the service or of an embedded platform that hosts it.</summary>
    private static async Task<string> HolderAsync(ITradingStore store, string name, CancellationToken ct)
    {
        var states = new ServiceStateStore(store.SystemState);
        var candidates = new[] { await states.GetAsync(name, ct), await states.GetAsync(PlatformHost.Embedded, ct) };
        var holder = candidates.Where(s => s is { State: not ServiceState.Stopped and not ServiceState.Faulted }).MaxBy(s => s!.Heartbeat);
        return holder is null ? "" : string.Create(CultureInfo.InvariantCulture, $" (pid {holder.Pid} on {holder.Host}, as {holder.Name}, heartbeat {holder.Heartbeat:u})");
    }

    private sealed class Held(List<IAsyncDisposable> locks) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var held in locks) await held.DisposeAsync();
        }
    }
}
