using Trading.Core.Execution;
using Trading.Core.Risk;

namespace Trading.Services.Configuration;

/// <summary>The effective platform configuration after every source is applied (appsettings, .env, environment, CLI).</summary>
public sealed record TradingSettings
{
    public string DataDir { get; init; } = "./data";
    public string? DatabaseUrl { get; init; }
    public string? RedisUrl { get; init; }
    public string? BinanceApiKey { get; init; }
    public string? BinanceApiSecret { get; init; }

    /// <summary>A PEM file with an RSA or Ed25519 API private key, signing instead of <see cref="BinanceApiSecret"/>.</summary>
    public string? BinancePrivateKeyPath { get; init; }

    public string? BinancePrivateKeyPassphrase { get; init; }
    public string BinanceBaseUrl { get; init; } = "https://api.binance.com";
    public string BinanceWsUrl { get; init; } = "wss://stream.binance.com:9443";
    public string BinanceWsApiUrl { get; init; } = "wss://ws-api.binance.com:443/ws-api/v3";
    public string LogLevel { get; init; } = "Information";
    public TradingMode TradingMode { get; init; } = TradingMode.Paper;
    public bool DryRun { get; init; } = true;
    public bool ConfirmLive { get; init; }
    public string StrategiesDir { get; init; } = "./strategies";

    /// <summary>TRADING_CONFIG_DIR: where the optional settings/symbols/strategies/risk_limits YAML and bots/*.json live.</summary>
    public string ConfigDir { get; init; } = "./config";

    /// <summary>RISK_MAX_POSITION_SIZE: the largest position per symbol as a fraction of equity (0..1).</summary>
    public decimal RiskMaxPositionSize { get; init; } = 0.1m;

    /// <summary>RISK_STOP_LOSS_PCT: stop-loss distance from entry, in percent (0..100).</summary>
    public decimal RiskStopLossPct { get; init; } = 2m;

    /// <summary>RISK_DAILY_LOSS_LIMIT_PCT: loss from the UTC day's starting equity that halts new entries, in percent (0..100).</summary>
    public decimal RiskDailyLossLimitPct { get; init; } = 5m;

    /// <summary>RISK_TAKE_PROFIT_PCT: take-profit distance from entry, in percent; 0 is off.</summary>
    public decimal RiskTakeProfitPct { get; init; }

    /// <summary>RISK_MAX_DRAWDOWN_PCT: a drawdown of this much from the equity peak engages the kill switch, in percent; 0 is off.</summary>
    public decimal RiskMaxDrawdownPct { get; init; } = 20m;

    /// <summary>RISK_MAX_OPEN_POSITIONS: how many symbols may hold a position at once; an entry into another one is denied.</summary>
    public int RiskMaxOpenPositions { get; init; } = 5;

    /// <summary>RISK_TRADING_HOURS: the daily UTC window (e.g. 08:00-20:00) in which orders are allowed; null is always.</summary>
    public TradingHoursWindow? RiskTradingHours { get; init; }

    /// <summary>RISK_PRICE_GUARD_PCT: deny a signal whose price is more than this many percent from the market; 0 is off.</summary>
    public decimal RiskPriceGuardPct { get; init; } = 1m;

    /// <summary>RISK_FUTURES_MAX_LEVERAGE: the highest leverage of a USDⓈ-M position (1..125; the symbol's bracket may allow less).</summary>
    public int RiskFuturesMaxLeverage { get; init; } = 2;

    /// <summary>RISK_FUTURES_MIN_LIQUIDATION_DISTANCE_PCT: the least distance from entry to liquidation price, percent of the entry.</summary>
    public decimal RiskFuturesMinLiquidationDistancePct { get; init; } = 10m;

    /// <summary>RISK_FUTURES_MAX_MARGIN_RATIO_PCT: the highest maintenance margin over margin balance, in percent.</summary>
    public decimal RiskFuturesMaxMarginRatioPct { get; init; } = 80m;

    /// <summary>RISK_FUTURES_MAX_EXPOSURE_PCT: the positions' total notional as a percent of equity.</summary>
    public decimal RiskFuturesMaxExposurePct { get; init; } = 100m;

    /// <summary>ALLOC_MAX_STRATEGY_PCT: the capital one strategy may hold, percent of equity (docs/allocation.md).</summary>
    public decimal AllocMaxStrategyPct { get; init; } = 25m;

    /// <summary>ALLOC_UNCERTAIN_FACTOR: what a strategy's share is multiplied by while the regime is UNCERTAIN, 0..1.</summary>
    public decimal AllocUncertainFactor { get; init; } = 0.5m;

    /// <summary>ALLOC_MAX_HEAT_PCT: the open risk to the stops of all positions, percent of equity.</summary>
    public decimal AllocMaxHeatPct { get; init; } = 6m;

    /// <summary>PAPER_FEE_BPS: the paper venue's maker and taker fee, in basis points.</summary>
    public decimal PaperFeeBps { get; init; } = 10m;

    /// <summary>PAPER_SLIPPAGE_BPS: the paper venue's slippage on market and stop fills, in basis points (the backtest's default).</summary>
    public decimal PaperSlippageBps { get; init; } = 2m;

    /// <summary>
    /// PROTECTIVE_ORDERS: exchange (the stop-loss and take-profit of a filled entry are placed at the exchange as an OCO) or
    /// local (the executor fires them on candles). Null: exchange in testnet and live, local in paper.
    /// </summary>
    public ProtectiveOrderMode? ProtectiveOrders { get; init; }

    /// <summary>The protective-order mode in effect: <see cref="ProtectiveOrders"/>, else exchange in testnet and live and local in paper.</summary>
    public ProtectiveOrderMode EffectiveProtectiveOrders =>
        ProtectiveOrders ?? (TradingMode is TradingMode.Testnet or TradingMode.Live ? ProtectiveOrderMode.Exchange : ProtectiveOrderMode.Local);

    /// <summary>ENTRY_ORDER_TYPE: entries as market orders, or as limit orders at the signal price.</summary>
    public EntryOrderType EntryOrderType { get; init; } = EntryOrderType.Market;

    /// <summary>ENTRY_LIMIT_TIMEOUT_SECONDS: how long an unfilled limit entry rests before it is re-priced or abandoned; 0 rests until cancelled.</summary>
    public int EntryLimitTimeoutSeconds { get; init; } = 60;

    /// <summary>ENTRY_LIMIT_MAX_REPRICES: how often a timed-out limit entry is re-priced before it is abandoned.</summary>
    public int EntryLimitMaxReprices { get; init; } = 3;

    /// <summary>ENTRY_LIMIT_ABANDON_PCT: a timed-out limit entry is abandoned when the market moved this many percent from the signal.</summary>
    public decimal EntryLimitAbandonPct { get; init; } = 1m;

    /// <summary>PORTFOLIO_SNAPSHOT_MINUTES: how often the portfolio manager stores a snapshot as candles arrive (besides daily and on stop); 0 = daily only.</summary>
    public int PortfolioSnapshotMinutes { get; init; } = 60;

    /// <summary>The snapshot interval of <see cref="PortfolioSnapshotMinutes"/>, or null when it is off.</summary>
    public TimeSpan? PortfolioSnapshotInterval => PortfolioSnapshotMinutes > 0 ? TimeSpan.FromMinutes(PortfolioSnapshotMinutes) : null;

    /// <summary>SIZING: how an entry is sized when neither the signal nor its bot says (with <see cref="SizingValue"/>).</summary>
    public PositionSizingMode Sizing { get; init; } = PositionSizingMode.EquityFraction;

    /// <summary>SIZING_VALUE: the quantity, quote amount, equity fraction (0..1) or risk percent of <see cref="Sizing"/>.</summary>
    public decimal SizingValue { get; init; } = 0.05m;

    /// <summary>TRADING_API_KEY: the key every API request but liveness must carry in X-API-Key; null refuses them all.</summary>
    public string? ApiKey { get; init; }

    /// <summary>TRADING_API_PORT: the port of the REST API and dashboard; 0 takes any free port.</summary>
    public int ApiPort { get; init; } = 8080;

    /// <summary>TRADING_API_BIND: the address the API listens on, loopback unless an operator opens it.</summary>
    public string ApiBind { get; init; } = "127.0.0.1";
    /// <summary>LOG_FORMAT: JSON lines, human-readable text, or auto (text on a terminal, JSON otherwise).</summary>
    public LogFormat LogFormat { get; init; } = LogFormat.Auto;

    /// <summary>METRICS_PORT: the 127.0.0.1 port on which `service run` serves GET /metrics; 0 is off.</summary>
    public int MetricsPort { get; init; }

    /// <summary>The alerts: block (ALERTS_*): rule thresholds and channels.</summary>
    public AlertSettings Alerts { get; init; } = new();

    /// <summary>From config/symbols.yaml: the symbols and timeframes to collect.</summary>
    public IReadOnlyList<SymbolConfig> Symbols { get; init; } = [];

    /// <summary>The configured symbols that are collected and traded (enabled: true, the default).</summary>
    public IEnumerable<SymbolConfig> EnabledSymbols => Symbols.Where(s => s.Enabled);

    /// <summary>From config/strategies.yaml: strategy instances with their parameters.</summary>
    public IReadOnlyList<StrategyConfig> Strategies { get; init; } = [];

    /// <summary>From config/bots/*.json: bot definitions.</summary>
    public IReadOnlyList<Trading.Core.Storage.BotDefinition> Bots { get; init; } = [];

    /// <summary>The file each bot came from, by bot id, as problems name it (e.g. config/bots/btc-sma.json).</summary>
    public IReadOnlyDictionary<string, string> BotSources { get; init; } = NoBotSources;

    private static readonly IReadOnlyDictionary<string, string> NoBotSources = new Dictionary<string, string>();

    public string SqlitePath => Path.Combine(DataDir, "trading.db");
}
