using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Storage.Sql;

/// <summary>An <see cref="ITradingStore"/> over one SQL engine: the shared stores plus the engine's own candle store per market.</summary>
internal sealed class SqlTradingStore : ITradingStore
{
    private readonly SqlDatabase database;
    private readonly MigrationRunner migrations;

    private readonly Dictionary<MarketType, ICandleStore> candlesByMarket;

    public SqlTradingStore(SqlDatabase database, Func<MarketType, ICandleStore> candlesOf, IStoreLock tradingLock, ISingletonLocks singletonLocks)
    {
        this.database = database;
        migrations = new MigrationRunner(database);
        candlesByMarket = Enum.GetValues<MarketType>().ToDictionary(market => market, candlesOf);
        Candles = candlesByMarket[MarketType.Spot];
        FundingRates = new SqlFundingRateStore(database);
        Signals = new SqlSignalStore(database);
        Orders = new SqlOrderStore(database);
        Portfolio = new SqlPortfolioStore(database);
        Bots = new SqlBotStore(database);
        BacktestRuns = new SqlBacktestRunStore(database);
        SystemState = new SqlSystemStateStore(database);
        RiskDecisions = new SqlRiskDecisionStore(database);
        Executions = new SqlExecutionJournal(database);
        SymbolFilters = new SqlSymbolFilterStore(database);
        Futures = new SqlFuturesStore(database);
        TradingLock = tradingLock;
        SingletonLocks = singletonLocks;
    }

    public string Provider => database.Provider;
    public ICandleStore Candles { get; }
    public IFundingRateStore FundingRates { get; }
    public ISignalStore Signals { get; }
    public IOrderStore Orders { get; }
    public IPortfolioStore Portfolio { get; }
    public IBotStore Bots { get; }
    public IBacktestRunStore BacktestRuns { get; }
    public ISystemStateStore SystemState { get; }
    public IRiskDecisionStore RiskDecisions { get; }
    public ISymbolFilterStore SymbolFilters { get; }
    public IFuturesStore Futures { get; }
    public IExecutionJournal Executions { get; }
    public IStoreLock TradingLock { get; }
    public ISingletonLocks SingletonLocks { get; }

    public ICandleStore CandlesOf(MarketType market) =>
        candlesByMarket.TryGetValue(market, out var candles) ? candles : throw new ArgumentOutOfRangeException(nameof(market), market, "unknown market");

    public Task<IReadOnlyList<MigrationStatus>> MigrateAsync(CancellationToken ct = default) => migrations.MigrateAsync(ct);

    public Task<IReadOnlyList<MigrationStatus>> GetMigrationStatusAsync(CancellationToken ct = default) => migrations.StatusAsync(ct);

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
