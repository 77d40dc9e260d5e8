namespace Trading.Services.Configuration;

/// <summary>The environment-variable names of every setting, as the spec writes them.</summary>
public static class SettingKeys
{
    public const string BinanceApiKey = "BINANCE_API_KEY";
    public const string BinanceApiSecret = "BINANCE_API_SECRET";
    public const string BinanceBaseUrl = "BINANCE_BASE_URL";
    public const string BinanceWsUrl = "BINANCE_WS_URL";
    public const string BinanceWsApiUrl = "BINANCE_WS_API_URL";
    public const string RedisUrl = "REDIS_URL";
    public const string DatabaseUrl = "DATABASE_URL";
    public const string LogLevel = "LOG_LEVEL";
    public const string RiskMaxPositionSize = "RISK_MAX_POSITION_SIZE";
    public const string RiskStopLossPct = "RISK_STOP_LOSS_PCT";
    public const string RiskDailyLossLimitPct = "RISK_DAILY_LOSS_LIMIT_PCT";
    public const string DryRun = "DRY_RUN";
    public const string TradingMode = "TRADING_MODE";
    public const string DataDir = "TRADING_DATA_DIR";
    public const string StrategiesDir = "TRADING_STRATEGIES_DIR";
    public const string ConfigDir = "TRADING_CONFIG_DIR";
    public const string ConfirmLive = "TRADING_CONFIRM_LIVE";
}
