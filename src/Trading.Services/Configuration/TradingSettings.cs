namespace Trading.Services.Configuration;

/// <summary>The effective platform configuration after every source is applied (appsettings, .env, environment, CLI).</summary>
public sealed record TradingSettings
{
    public string DataDir { get; init; } = "./data";
    public string? DatabaseUrl { get; init; }
    public string? RedisUrl { get; init; }
    public string? BinanceApiKey { get; init; }
    public string? BinanceApiSecret { get; init; }
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

    /// <summary>From config/symbols.yaml: the symbols and timeframes to collect.</summary>
    public IReadOnlyList<SymbolConfig> Symbols { get; init; } = [];

    /// <summary>From config/strategies.yaml: strategy instances with their parameters.</summary>
    public IReadOnlyList<StrategyConfig> Strategies { get; init; } = [];

    /// <summary>From config/bots/*.json: bot definitions.</summary>
    public IReadOnlyList<Trading.Core.Storage.BotDefinition> Bots { get; init; } = [];

    public string SqlitePath => Path.Combine(DataDir, "trading.db");
}
