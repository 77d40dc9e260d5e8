using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.MarketData;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.Portfolio;

namespace Trading.Services.Execution;

/// <summary>
/// Builds an <see cref="OrderExecutor"/> from the store, as the service and the CLI both need it: the account
/// replayed from stored fills, open orders tracked, the kill switch restored, and the venue for the mode
/// (paper gets a <see cref="PaperVenue"/>, whose book the executor loads from the store at every step; testnet/live take
/// the given venue). Open paper orders stay open: they belong to the store, not to the process that placed them.
/// </summary>
public static class ExecutorFactory
{
    public static RiskLimits LimitsFrom(TradingSettings settings) => new()
    {
        DailyLossLimitPct = settings.RiskDailyLossLimitPct,
        MaxPositionFraction = settings.RiskMaxPositionSize,
    };

    public static async Task<OrderExecutor> CreateAsync(ITradingStore store, IMessageBus bus, ExecutionOptions options, RiskLimits limits,
        IReadOnlyDictionary<Symbol, SymbolFilters> filters, TimeProvider time, ILogger logger,
        IMarketConnectionHealth? health = null, IExecutionVenue? exchangeVenue = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(filters);
        var now = time.GetUtcNow();
        var problems = new List<string>();
        var account = await PortfolioReplay.BuildAsync(store, options.InitialQuoteBalance, now, ct, problems);
        foreach (var problem in problems) logger.LogError("The books disagree: {Problem} ({Repair})", problem, PortfolioReplay.RepairHint);
        var market = new MarketState(account, time, limits.FeeBps);
        foreach (var (symbol, symbolFilters) in filters) market.SetFilters(symbol, symbolFilters);

        var venue = options.Mode switch
        {
            ExecutionMode.DryRun => null,
            ExecutionMode.Paper => new PaperVenue(new FillModel(), account.Cash, filters.Select(f => (f.Key, f.Value, account.Quantity(f.Key)))),
            _ => exchangeVenue ?? throw new ArgumentException($"{options.Mode} mode needs the Binance trading venue."),
        };
        if (venue is PaperVenue paper)
        {
            foreach (var (symbol, price, at) in await PortfolioReplay.LatestPricesAsync(store, ct))
                paper.SetMarket(symbol, price, at);
        }
        var gate = new RiskGate(limits, await new KillSwitch(store.SystemState).LoadAsync(ct));
        var executor = new OrderExecutor(store, bus, venue, gate, market, options, time, logger, health);

        foreach (var order in await store.Orders.ListAsync(openOnly: true, limit: 10_000, ct))
            market.Track(order);
        if (options.Mode is ExecutionMode.Testnet or ExecutionMode.Live)
            await StartupReconciler.ReconcileAsync(store, bus, venue!, executor, time, logger, ct, balanceSymbols: filters.Keys);
        return executor;
    }
}
