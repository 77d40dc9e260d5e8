using Trading.Core.Storage;
using Trading.Services.Bots;

namespace Trading.Cli.Commands.Trade;

/// <summary>One line of <c>trading trade status</c>.</summary>
internal sealed record BotStatusRow(
    string Id, string Strategy, IReadOnlyList<string> Symbols, string Timeframe, string Mode, string State, string Pid,
    string Uptime, string HeartbeatAge, int OpenOrders, int Orders, string LastSignal, string LastOrder);

/// <summary>Joins the configured bots, the bots table, the runtime records and the stored orders into status rows.</summary>
internal static class BotStatusRows
{
    private const int OrderScanLimit = 100_000;

    public static async Task<List<BotStatusRow>> LoadAsync(ITradingStore store, IReadOnlyList<BotDefinition> configured, DateTimeOffset now, CancellationToken ct)
    {
        var stored = await store.Bots.ListAsync(ct);
        var orders = (await store.Orders.ListAsync(openOnly: false, limit: OrderScanLimit, ct)).Where(o => o.BotId is not null).ToLookup(o => o.BotId!);
        var runtimes = new BotRuntimeStore(store);
        var rows = new List<BotStatusRow>();
        foreach (var bot in stored.Concat(configured).DistinctBy(b => b.Id).OrderBy(b => b.Id, StringComparer.Ordinal))
        {
            var runtime = await runtimes.GetAsync(bot.Id, ct);
            var botOrders = orders[bot.Id].ToList();
            var faulted = stored.Any(b => b.Id == bot.Id && b.Status == BotStatuses.Faulted);
            rows.Add(new BotStatusRow(bot.Id, bot.Strategy, runtime?.Symbols ?? bot.Symbols, runtime?.Timeframe ?? bot.Timeframe,
                runtime?.Mode ?? "-", State(runtime, faulted, now), runtime is null ? "-" : $"{runtime.Pid}@{runtime.Host}",
                Uptime(runtime, now), runtime is null ? "-" : $"{Age(now - runtime.Heartbeat)} ago",
                botOrders.Count(o => o.IsOpen), botOrders.Count, runtime?.LastSignal ?? "-", runtime?.LastOrder ?? "-"));
        }
        return rows;
    }

    private static string State(BotRuntimeState? runtime, bool faulted, DateTimeOffset now)
    {
        var state = runtime switch
        {
            null => "never started",
            _ when BotProcessProbe.IsGone(runtime, now) => BotProcessProbe.IsOnThisHost(runtime) ? "lost (process gone)" : "lost (no heartbeat)",
            _ => runtime.Status,
        };
        return faulted ? $"{state}, faulted" : state;
    }

    private static string Uptime(BotRuntimeState? runtime, DateTimeOffset now) => runtime switch
    {
        null => "-",
        { IsRunning: true } => Age(now - runtime.StartedAt),
        _ => $"ran {Age((runtime.StoppedAt ?? runtime.Heartbeat) - runtime.StartedAt)}",
    };

    private static string Age(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span.TotalMinutes < 1) return $"{span.TotalSeconds:0.0}s";
        if (span.TotalHours < 1) return $"{(int)span.TotalMinutes}m{span.Seconds:00}s";
        if (span.TotalDays < 1) return $"{(int)span.TotalHours}h{span.Minutes:00}m";
        return $"{(int)span.TotalDays}d{span.Hours:00}h";
    }
}
