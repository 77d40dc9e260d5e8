using Trading.Core.Model;

namespace Trading.Core.Storage;

/// <summary>One storage backend (SQLite or PostgreSQL) exposing every narrow store over one schema.</summary>
public interface ITradingStore : IAsyncDisposable
{
    string Provider { get; }

    /// <summary>The spot candles; the same store as <c>CandlesOf(MarketType.Spot)</c>.</summary>
    ICandleStore Candles { get; }

    /// <summary>The candles of one market: a series is keyed by (market, symbol, timeframe).</summary>
    ICandleStore CandlesOf(MarketType market);

    /// <summary>USDⓈ-M funding settlements per symbol.</summary>
    IFundingRateStore FundingRates { get; }

    ISignalStore Signals { get; }
    IOrderStore Orders { get; }
    IPortfolioStore Portfolio { get; }
    IBotStore Bots { get; }
    IBacktestRunStore BacktestRuns { get; }
    ISystemStateStore SystemState { get; }
    IRiskDecisionStore RiskDecisions { get; }
    ISymbolFilterStore SymbolFilters { get; }

    /// <summary>USDⓈ-M bots' orders, fills, funding, positions and wallet.</summary>
    IFuturesStore Futures { get; }

    /// <summary>The executor's signal, risk decision and new order in one transaction.</summary>
    IExecutionJournal Executions { get; }

    /// <summary>Serialises every read-decide-write step on the trading state, across processes.</summary>
    IStoreLock TradingLock { get; }

    /// <summary>Lets one process at a time run a named singleton service on this store.</summary>
    ISingletonLocks SingletonLocks { get; }

    /// <summary>Applies pending migrations; safe to run again.</summary>
    Task<IReadOnlyList<MigrationStatus>> MigrateAsync(CancellationToken ct = default);

    Task<IReadOnlyList<MigrationStatus>> GetMigrationStatusAsync(CancellationToken ct = default);
}
