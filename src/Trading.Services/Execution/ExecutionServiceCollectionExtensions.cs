using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Trading.Core.Allocation;
using Trading.Core.Execution;
using Trading.Core.MarketData;
using Trading.Core.Risk;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.Portfolio;

namespace Trading.Services.Execution;

public static class ExecutionServiceCollectionExtensions
{
    /// <summary>The order executor as a hosted service; needs ITradingStore (and, for testnet/live, an IExecutionVenue).</summary>
    public static IServiceCollection AddOrderExecutor(this IServiceCollection services)
    {
        services.AddSingleton(sp => new OrderExecutorService(
            sp.GetRequiredService<TradingSettings>(), sp.GetRequiredService<ExecutionOptions>(), sp.GetRequiredService<ITradingStore>(),
            sp.GetRequiredService<Core.Messaging.IMessageBus>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<OrderExecutorService>>(),
            sp.GetService<IMarketConnectionHealth>(), sp.GetService<IExecutionVenue>(), sp.GetService<InlineExecution>()));
        services.AddHostedService(sp => sp.GetRequiredService<OrderExecutorService>());
        return services;
    }

    /// <summary>For a host that runs both the strategy engine and the executor: the engine drives the executor in candle order.</summary>
    public static IServiceCollection AddInlineExecution(this IServiceCollection services)
    {
        services.TryAddSingleton<InlineExecution>();
        return services;
    }

    /// <summary>The portfolio manager as a hosted service; needs ITradingStore.</summary>
    public static IServiceCollection AddPortfolioManager(this IServiceCollection services)
    {
        services.TryAddSingleton<PortfolioManagerService>();
        services.AddHostedService(sp => sp.GetRequiredService<PortfolioManagerService>());
        return services;
    }

    /// <summary>
    /// The execution options for the configured mode: each configured bot's sizing rule, the default sizing, protective
    /// exits and entry type (<see cref="ExecutionOptions.Policy"/>) and the paper venue's fees and slippage.
    /// </summary>
    public static ExecutionOptions OptionsFrom(TradingSettings settings, ExecutionMode mode)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Only an exchange can hold protective orders; paper, dry-run and backtests keep them local (the backtest's rule).
        var policy = ExecutionPolicyFrom(settings) with
        {
            ProtectiveOrders = mode is ExecutionMode.Testnet or ExecutionMode.Live ? settings.EffectiveProtectiveOrders : ProtectiveOrderMode.Local,
        };
        return new ExecutionOptions
        {
            Mode = mode,
            BotSizing = settings.Bots.Where(b => b.SizingValue > 0).ToDictionary(b => b.Id, BotSizing.From),
            Policy = policy,
            PaperFill = PaperFillFrom(settings),
            Allocation = AllocationLimitsFrom(settings),
        };
    }

    /// <summary>SIZING/SIZING_VALUE, RISK_STOP_LOSS_PCT, RISK_TAKE_PROFIT_PCT and the ENTRY_* settings.</summary>
    public static ExecutionPolicy ExecutionPolicyFrom(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ExecutionPolicy
        {
            DefaultSizing = new PositionSizing(settings.Sizing, settings.SizingValue),
            StopLossPct = settings.RiskStopLossPct,
            TakeProfitPct = settings.RiskTakeProfitPct,
            EntryOrderType = settings.EntryOrderType,
            LimitEntryTimeout = settings.EntryLimitTimeoutSeconds > 0
                ? new LimitEntryTimeoutPolicy(TimeSpan.FromSeconds(settings.EntryLimitTimeoutSeconds), settings.EntryLimitAbandonPct,
                    settings.EntryLimitMaxReprices)
                : null,
        };
    }

    /// <summary>The RISK_FUTURES_* settings.</summary>
    public static FuturesRiskLimits FuturesRiskLimitsFrom(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new FuturesRiskLimits
        {
            MaxLeverage = settings.RiskFuturesMaxLeverage,
            MinLiquidationDistancePct = settings.RiskFuturesMinLiquidationDistancePct,
            MaxMarginRatioPct = settings.RiskFuturesMaxMarginRatioPct,
            MaxExposurePct = settings.RiskFuturesMaxExposurePct,
        };
    }

    /// <summary>The ALLOC_* settings: the allocator's budget (docs/allocation.md).</summary>
    public static AllocationLimits AllocationLimitsFrom(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new AllocationLimits
        {
            MaxStrategySharePct = settings.AllocMaxStrategyPct,
            UncertainRegimeFactor = settings.AllocUncertainFactor,
            MaxPortfolioHeatPct = settings.AllocMaxHeatPct,
        };
    }

    /// <summary>PAPER_FEE_BPS (maker and taker) and PAPER_SLIPPAGE_BPS.</summary>
    public static FillModelOptions PaperFillFrom(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new FillModelOptions { MakerFeeBps = settings.PaperFeeBps, TakerFeeBps = settings.PaperFeeBps, SlippageBps = settings.PaperSlippageBps };
    }
}
