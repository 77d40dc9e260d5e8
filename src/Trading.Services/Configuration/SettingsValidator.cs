namespace Trading.Services.Configuration;

/// <summary>Start-up checks across settings. Every problem is reported, not only the first.</summary>
public static class SettingsValidator
{
    public const int MaxSnapshotMinutes = 1440;

    public static void Validate(TradingSettings s, List<ConfigProblem> problems)
    {
        void Add(string key, string message) => problems.Add(new ConfigProblem(key, message));

        if (s.RiskMaxPositionSize is <= 0 or > 1)
            Add(SettingKeys.RiskMaxPositionSize, $"RISK_MAX_POSITION_SIZE must be a fraction of equity above 0 and at most 1 (got {s.RiskMaxPositionSize})");
        CheckPercent(SettingKeys.RiskStopLossPct, s.RiskStopLossPct, Add);
        CheckPercent(SettingKeys.RiskDailyLossLimitPct, s.RiskDailyLossLimitPct, Add);
        CheckExecution(s, problems, Add);

        CheckUrl(UrlRules.CheckAbsolute(SettingKeys.BinanceBaseUrl, s.BinanceBaseUrl, "http", "https"), SettingKeys.BinanceBaseUrl, Add);
        CheckUrl(UrlRules.CheckAbsolute(SettingKeys.BinanceWsUrl, s.BinanceWsUrl, "ws", "wss"), SettingKeys.BinanceWsUrl, Add);
        CheckUrl(UrlRules.CheckAbsolute(SettingKeys.BinanceWsApiUrl, s.BinanceWsApiUrl, "ws", "wss"), SettingKeys.BinanceWsApiUrl, Add);
        if (s.RedisUrl is not null)
            CheckUrl(UrlRules.CheckAbsolute(SettingKeys.RedisUrl, s.RedisUrl, "redis", "rediss") ?? UrlRules.CheckRedisUrl(s.RedisUrl), SettingKeys.RedisUrl, Add);
        if (s.DatabaseUrl is not null) CheckUrl(UrlRules.CheckDatabaseUrl(s.DatabaseUrl), SettingKeys.DatabaseUrl, Add);

        CheckKeys(s, Add);
        foreach (var problem in ApiAccess.Problems(s)) Add(problem.Key, problem.Message);
        if (s.MetricsPort is < 0 or > 65535) Add(SettingKeys.MetricsPort, $"METRICS_PORT must be a port 1..65535, or 0 for off (got {s.MetricsPort})");
        AlertSettingsValidator.Validate(s.Alerts, Add);
    }

    private static void CheckKeys(TradingSettings s, Action<string, string> add)
    {
        var hasKey = s.BinanceApiKey is not null;
        var hasSecret = s.BinanceApiSecret is not null || s.BinancePrivateKeyPath is not null;
        if (s.BinanceApiSecret is not null && s.BinancePrivateKeyPath is not null)
            add(SettingKeys.BinancePrivateKeyPath, "BINANCE_API_SECRET and BINANCE_PRIVATE_KEY_PATH are alternatives: set one");
        else if (hasKey != hasSecret)
            add(hasKey ? SettingKeys.BinanceApiSecret : SettingKeys.BinanceApiKey, "BINANCE_API_KEY and BINANCE_API_SECRET must be set together");
        if (s.BinancePrivateKeyPassphrase is not null && s.BinancePrivateKeyPath is null)
            add(SettingKeys.BinancePrivateKeyPassphrase, "BINANCE_PRIVATE_KEY_PASSPHRASE needs BINANCE_PRIVATE_KEY_PATH");
        if (Execution.ApiKeySigner.Problem(s) is { } keyProblem) add(SettingKeys.BinancePrivateKeyPath, keyProblem);

        if (s.TradingMode == TradingMode.Live)
        {
            if (!hasKey || !hasSecret)
                add(SettingKeys.BinanceApiKey, "TRADING_MODE=live needs BINANCE_API_KEY and BINANCE_API_SECRET");
            if (!s.ConfirmLive)
                add(SettingKeys.ConfirmLive, "TRADING_MODE=live needs explicit confirmation: set TRADING_CONFIRM_LIVE=true");
        }
        else if (s.TradingMode == TradingMode.Testnet && !s.DryRun && (!hasKey || !hasSecret))
        {
            add(SettingKeys.BinanceApiKey, "TRADING_MODE=testnet with DRY_RUN=false needs BINANCE_API_KEY and BINANCE_API_SECRET (testnet keys)");
        }
    }

    private static void CheckExecution(TradingSettings s, List<ConfigProblem> problems, Action<string, string> add)
    {
        CheckPercent(SettingKeys.RiskMaxDrawdownPct, s.RiskMaxDrawdownPct, add);
        if (s.RiskStopLossPct == 100) add(SettingKeys.RiskStopLossPct, "RISK_STOP_LOSS_PCT must be below 100 (a stop at 0 never triggers); use 0 for no stop");
        if (s.RiskTakeProfitPct is < 0 or > 1000)
            add(SettingKeys.RiskTakeProfitPct, $"RISK_TAKE_PROFIT_PCT is a percent and must be within 0..1000 (got {s.RiskTakeProfitPct})");
        if (s.RiskMaxOpenPositions < 1)
            add(SettingKeys.RiskMaxOpenPositions, $"RISK_MAX_OPEN_POSITIONS must be at least 1 (got {s.RiskMaxOpenPositions})");
        CheckPercent(SettingKeys.RiskPriceGuardPct, s.RiskPriceGuardPct, add);
        CheckFutures(s, add);
        CheckAllocation(s, add);
        CheckBps(SettingKeys.PaperFeeBps, s.PaperFeeBps, add);
        CheckBps(SettingKeys.PaperSlippageBps, s.PaperSlippageBps, add);
        if (s.EntryLimitTimeoutSeconds < 0)
            add(SettingKeys.EntryLimitTimeoutSeconds, $"ENTRY_LIMIT_TIMEOUT_SECONDS must be 0 (rest until cancelled) or more (got {s.EntryLimitTimeoutSeconds})");
        if (s.EntryLimitMaxReprices < 0)
            add(SettingKeys.EntryLimitMaxReprices, $"ENTRY_LIMIT_MAX_REPRICES must be 0 or more (got {s.EntryLimitMaxReprices})");
        CheckPercent(SettingKeys.EntryLimitAbandonPct, s.EntryLimitAbandonPct, add);
        if (s.ProtectiveOrders == Core.Execution.ProtectiveOrderMode.Exchange && s.TradingMode == TradingMode.Paper)
            add(SettingKeys.ProtectiveOrders, "PROTECTIVE_ORDERS=exchange needs an exchange: TRADING_MODE testnet or live (paper keeps them local)");
        if (s.PortfolioSnapshotMinutes is < 0 or > MaxSnapshotMinutes)
            add(SettingKeys.PortfolioSnapshotMinutes, $"PORTFOLIO_SNAPSHOT_MINUTES must be within 0..{MaxSnapshotMinutes} (0 = daily only; got {s.PortfolioSnapshotMinutes})");
        var sizingKnown = problems.All(p => p.Key != SettingKeys.Sizing);
        if (sizingKnown && SizingNames.Problem(s.Sizing, s.SizingValue) is { } sizing)
            add(SettingKeys.SizingValue, $"SIZING_VALUE {s.SizingValue} does not fit SIZING={SizingNames.Name(s.Sizing)}: {sizing}");
    }

    private static void CheckBps(string key, decimal value, Action<string, string> add)
    {
        if (value is < 0 or > 1000) add(key, $"{key} is in basis points and must be within 0..1000 (got {value})");
    }

    private static void CheckFutures(TradingSettings s, Action<string, string> add)
    {
        if (s.RiskFuturesMaxLeverage is < 1 or > 125)
            add(SettingKeys.RiskFuturesMaxLeverage, $"RISK_FUTURES_MAX_LEVERAGE must be a whole leverage within 1..125 (got {s.RiskFuturesMaxLeverage})");
        if (s.RiskFuturesMinLiquidationDistancePct is < 0 or >= 100)
            add(SettingKeys.RiskFuturesMinLiquidationDistancePct,
                $"RISK_FUTURES_MIN_LIQUIDATION_DISTANCE_PCT is a percent of the entry and must be within [0, 100) (got {s.RiskFuturesMinLiquidationDistancePct})");
        if (s.RiskFuturesMaxMarginRatioPct is <= 0 or > 100)
            add(SettingKeys.RiskFuturesMaxMarginRatioPct, $"RISK_FUTURES_MAX_MARGIN_RATIO_PCT is a percent and must be above 0 and at most 100 (got {s.RiskFuturesMaxMarginRatioPct})");
        if (s.RiskFuturesMaxExposurePct is <= 0 or > 12_500)
            add(SettingKeys.RiskFuturesMaxExposurePct, $"RISK_FUTURES_MAX_EXPOSURE_PCT is a percent of equity and must be above 0 and at most 12500 (got {s.RiskFuturesMaxExposurePct})");
    }

    private static void CheckAllocation(TradingSettings s, Action<string, string> add)
    {
        if (s.AllocMaxStrategyPct is <= 0 or > 100)
            add(SettingKeys.AllocMaxStrategyPct, $"ALLOC_MAX_STRATEGY_PCT is a percent of equity and must be above 0 and at most 100 (got {s.AllocMaxStrategyPct})");
        if (s.AllocUncertainFactor is < 0 or > 1)
            add(SettingKeys.AllocUncertainFactor, $"ALLOC_UNCERTAIN_FACTOR must be within 0..1 (got {s.AllocUncertainFactor})");
        if (s.AllocMaxHeatPct is <= 0 or > 100)
            add(SettingKeys.AllocMaxHeatPct, $"ALLOC_MAX_HEAT_PCT is a percent of equity and must be above 0 and at most 100 (got {s.AllocMaxHeatPct})");
    }

    private static void CheckPercent(string key, decimal value, Action<string, string> add)
    {
        if (value is < 0 or > 100) add(key, $"{key} is a percent and must be within 0..100 (got {value})");
    }

    private static void CheckUrl(string? problem, string key, Action<string, string> add)
    {
        if (problem is not null) add(key, problem);
    }
}
