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
    public const string RiskTakeProfitPct = "RISK_TAKE_PROFIT_PCT";
    public const string RiskMaxDrawdownPct = "RISK_MAX_DRAWDOWN_PCT";
    public const string RiskMaxOpenPositions = "RISK_MAX_OPEN_POSITIONS";
    public const string RiskTradingHours = "RISK_TRADING_HOURS";
    public const string RiskPriceGuardPct = "RISK_PRICE_GUARD_PCT";
    public const string PaperFeeBps = "PAPER_FEE_BPS";
    public const string PaperSlippageBps = "PAPER_SLIPPAGE_BPS";
    public const string EntryOrderType = "ENTRY_ORDER_TYPE";
    public const string ProtectiveOrders = "PROTECTIVE_ORDERS";
    public const string EntryLimitTimeoutSeconds = "ENTRY_LIMIT_TIMEOUT_SECONDS";
    public const string EntryLimitMaxReprices = "ENTRY_LIMIT_MAX_REPRICES";
    public const string EntryLimitAbandonPct = "ENTRY_LIMIT_ABANDON_PCT";
    public const string PortfolioSnapshotMinutes = "PORTFOLIO_SNAPSHOT_MINUTES";
    public const string Sizing = "SIZING";
    public const string SizingValue = "SIZING_VALUE";
    public const string DryRun = "DRY_RUN";
    public const string TradingMode = "TRADING_MODE";
    public const string DataDir = "TRADING_DATA_DIR";
    public const string StrategiesDir = "TRADING_STRATEGIES_DIR";
    public const string ConfigDir = "TRADING_CONFIG_DIR";
    public const string ConfirmLive = "TRADING_CONFIRM_LIVE";
    public const string ApiKey = "TRADING_API_KEY";
    public const string ApiPort = "TRADING_API_PORT";
    public const string ApiBind = "TRADING_API_BIND";
    public const string LogFormat = "LOG_FORMAT";
    public const string MetricsPort = "METRICS_PORT";
    public const string AlertsDailyLossPct = "ALERTS_DAILY_LOSS_PCT";
    public const string AlertsDrawdownWarningPct = "ALERTS_DRAWDOWN_WARNING_PCT";
    public const string AlertsDrawdownCriticalPct = "ALERTS_DRAWDOWN_CRITICAL_PCT";
    public const string AlertsExchangeErrorsPerMinute = "ALERTS_EXCHANGE_ERRORS_PER_MINUTE";
    public const string AlertsMaxPerMinute = "ALERTS_MAX_PER_MINUTE";
    public const string AlertsWebhookUrl = "ALERTS_WEBHOOK_URL";
    public const string AlertsTelegramBaseUrl = "ALERTS_TELEGRAM_BASE_URL";
    public const string AlertsTelegramToken = "ALERTS_TELEGRAM_TOKEN";
    public const string AlertsTelegramChatId = "ALERTS_TELEGRAM_CHAT_ID";
    public const string AlertsEmailSmtpHost = "ALERTS_EMAIL_SMTP_HOST";
    public const string AlertsEmailSmtpPort = "ALERTS_EMAIL_SMTP_PORT";
    public const string AlertsEmailFrom = "ALERTS_EMAIL_FROM";
    public const string AlertsEmailTo = "ALERTS_EMAIL_TO";
    public const string AlertsEmailUsername = "ALERTS_EMAIL_USERNAME";
    public const string AlertsEmailPassword = "ALERTS_EMAIL_PASSWORD";
}
