using Trading.Core.Storage;

namespace Trading.Services.Bots;

/// <summary>Joins the configured bots, the bots table, the runtime records and the stored orders into one view per bot.</summary>
public static class BotStatusReader
{
    private const int OrderScanLimit = 100_000;

    public static async Task<List<BotStatusView>> LoadAsync(ITradingStore store, IReadOnlyList<BotDefinition> configured, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(configured);
        var stored = await store.Bots.ListAsync(ct);
        var orders = (await store.Orders.ListAsync(openOnly: false, limit: OrderScanLimit, ct)).Where(o => o.BotId is not null).ToLookup(o => o.BotId!);
        var runtimes = new BotRuntimeStore(store);
        var views = new List<BotStatusView>();
        foreach (var bot in stored.Concat(configured).DistinctBy(b => b.Id).OrderBy(b => b.Id, StringComparer.Ordinal))
        {
            var runtime = await runtimes.GetAsync(bot.Id, ct);
            var botOrders = orders[bot.Id].ToList();
            var faulted = stored.Any(b => b.Id == bot.Id && b.Status == BotStatuses.Faulted);
            views.Add(new BotStatusView(bot, runtime, State(runtime, now), faulted, botOrders.Count(o => o.IsOpen), botOrders.Count));
        }
        return views;
    }

    private static string State(BotRuntimeState? runtime, DateTimeOffset now) => runtime switch
    {
        null => BotStatusView.NeverStarted,
        _ when BotProcessProbe.IsGone(runtime, now) => BotProcessProbe.IsOnThisHost(runtime) ? BotStatusView.LostProcessGone : BotStatusView.Lost,
        _ => runtime.Status,
    };
}
