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
    public static async Task<Held?> TryAcquireAsync(ITradingStore store, IReadOnlyCollection<string> services, CancellationToken ct)
    {
        var held = new Dictionary<string, ISingletonLock>();
        foreach (var name in services)
        {
            if (await store.SingletonLocks.TryAcquireAsync(name, ct) is { } taken)
            {
                held[name] = taken;
                continue;
            }
            foreach (var other in held.Values) await other.DisposeAsync();
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

    /// <summary>
    /// The locks of the services a process hosts, by service name. A lock lost for good (PostgreSQL restarted and another
    /// process took it before this one could take it back) cancels <see cref="Lost"/>: the host stops and says why in one line.
    /// </summary>
    internal sealed class Held : IAsyncDisposable
    {
        private readonly Dictionary<string, ISingletonLock> _locks;
        private readonly CancellationTokenSource _lost;

        public Held(Dictionary<string, ISingletonLock> locks)
        {
            _locks = locks;
            _lost = CancellationTokenSource.CreateLinkedTokenSource([.. locks.Values.Select(l => l.Lost)]);
        }

        public CancellationToken Lost => _lost.Token;

        /// <summary>The error line of a lost lock, or null while every lock is held.</summary>
        public string? LostError() => _locks.FirstOrDefault(l => l.Value.Lost.IsCancellationRequested) is { Value: { } lost, Key: var name }
            ? $"error: {name} stopped: it lost its singleton lock: {lost.LostReason}"
            : null;

        public async ValueTask DisposeAsync()
        {
            foreach (var held in _locks.Values) await held.DisposeAsync();
            _lost.Dispose();
        }
    }
}
