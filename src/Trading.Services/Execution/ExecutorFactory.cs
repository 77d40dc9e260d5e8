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
    /// <summary>
    /// Every risk setting as the gate's limits. A daily-loss or drawdown limit of 0 is off, which the gate expresses as
    /// 100 % (never breached while equity is positive); a price guard of 0 is off. The balance check reserves the paper fee.
    /// </summary>
    public static RiskLimits LimitsFrom(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new RiskLimits
        {
            DailyLossLimitPct = OffAsHundred(settings.RiskDailyLossLimitPct),
            MaxDrawdownPct = OffAsHundred(settings.RiskMaxDrawdownPct),
            MaxOpenPositions = settings.RiskMaxOpenPositions,
            MaxPositionFraction = settings.RiskMaxPositionSize,
            PriceMoveGuardPct = settings.RiskPriceGuardPct > 0 ? settings.RiskPriceGuardPct : null,
            TradingHours = settings.RiskTradingHours,
            FeeBps = settings.PaperFeeBps,
        };
    }

    private static decimal OffAsHundred(decimal pct) => pct > 0 ? pct : 100m;

    /// <summary>The paper venue, priced at the latest stored price of each symbol (its book is loaded from the store at every step).</summary>
    private static async Task<IExecutionVenue> PaperVenueAsync(ITradingStore store, ExecutionOptions options, Core.Portfolio.PortfolioAccount account,
        IReadOnlyDictionary<Symbol, SymbolFilters> filters, CancellationToken ct)
    {
        var paper = new PaperVenue(new FillModel(options.PaperFill), account.Cash, filters.Select(f => (f.Key, f.Value, account.Quantity(f.Key))));
        foreach (var (symbol, price, at) in await PortfolioReplay.LatestPricesAsync(store, ct))
            paper.SetMarket(symbol, price, at);
        return paper;
    }

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
            ExecutionMode.Paper => await PaperVenueAsync(store, options, account, filters, ct),
            _ => exchangeVenue ?? throw new ArgumentException($"{options.Mode} mode needs the Binance trading venue."),
        };
        var gate = new RiskGate(limits, await new KillSwitch(store.SystemState).LoadAsync(ct));
        var executor = new OrderExecutor(store, bus, venue, gate, market, options, time, logger, health);

        foreach (var order in await store.Orders.ListAsync(openOnly: true, limit: 10_000, ct))
            market.Track(order);
        await executor.RestoreExitsAsync(ct);
        if (options.Mode is ExecutionMode.Testnet or ExecutionMode.Live)
        {
            await StartupReconciler.ReconcileAsync(store, bus, venue!, executor, time, logger, ct, balanceSymbols: filters.Keys);
            await executor.ProtectHeldPositionsAsync(ct);
        }
        return executor;
    }
}
