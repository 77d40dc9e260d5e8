using Trading.Core.Storage;
using Trading.Services.Bots;

namespace Trading.Cli.Commands.Trade;

/// <summary>One line of <c>trading trade status</c>.</summary>
internal sealed record BotStatusRow(
    string Id, string Strategy, IReadOnlyList<string> Symbols, string Timeframe, string Mode, string State, string Pid,
    string Uptime, string HeartbeatAge, int OpenOrders, int Orders, string LastSignal, string LastOrder);

/// <summary>The bots of <see cref="BotStatusReader"/> as printable rows.</summary>
internal static class BotStatusRows
{
    public static async Task<List<BotStatusRow>> LoadAsync(ITradingStore store, IReadOnlyList<BotDefinition> configured, DateTimeOffset now, CancellationToken ct)
    {
        var views = await BotStatusReader.LoadAsync(store, configured, now, ct);
        return views.Select(v => Row(v, now)).ToList();
    }

    private static BotStatusRow Row(BotStatusView view, DateTimeOffset now)
    {
        var (bot, runtime) = (view.Bot, view.Runtime);
        return new BotStatusRow(bot.Id, bot.Strategy, runtime?.Symbols ?? bot.Symbols, runtime?.Timeframe ?? bot.Timeframe,
            runtime?.Mode ?? "-", view.Faulted ? $"{view.State}, faulted" : view.State, runtime is null ? "-" : $"{runtime.Pid}@{runtime.Host}",
            Uptime(runtime, now), runtime is null ? "-" : $"{Age(now - runtime.Heartbeat)} ago",
            view.OpenOrders, view.Orders, runtime?.LastSignal ?? "-", runtime?.LastOrder ?? "-");
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
