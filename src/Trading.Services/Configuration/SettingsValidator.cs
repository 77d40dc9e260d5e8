namespace Trading.Services.Configuration;

/// <summary>Start-up checks across settings. Every problem is reported, not only the first.</summary>
public static class SettingsValidator
{
    public static void Validate(TradingSettings s, List<ConfigProblem> problems)
    {
        void Add(string key, string message) => problems.Add(new ConfigProblem(key, message));

        if (s.RiskMaxPositionSize is <= 0 or > 1)
            Add(SettingKeys.RiskMaxPositionSize, $"RISK_MAX_POSITION_SIZE must be a fraction of equity above 0 and at most 1 (got {s.RiskMaxPositionSize})");
        CheckPercent(SettingKeys.RiskStopLossPct, s.RiskStopLossPct, Add);
        CheckPercent(SettingKeys.RiskDailyLossLimitPct, s.RiskDailyLossLimitPct, Add);
        if (s.RiskDailyLossLimitPct == 0)
            Add(SettingKeys.RiskDailyLossLimitPct, "RISK_DAILY_LOSS_LIMIT_PCT=0 would halt every entry: set a percent above 0 and at most 100");

        CheckUrl(UrlRules.CheckAbsolute(SettingKeys.BinanceBaseUrl, s.BinanceBaseUrl, "http", "https"), SettingKeys.BinanceBaseUrl, Add);
        CheckUrl(UrlRules.CheckAbsolute(SettingKeys.BinanceWsUrl, s.BinanceWsUrl, "ws", "wss"), SettingKeys.BinanceWsUrl, Add);
        CheckUrl(UrlRules.CheckAbsolute(SettingKeys.BinanceWsApiUrl, s.BinanceWsApiUrl, "ws", "wss"), SettingKeys.BinanceWsApiUrl, Add);
        if (s.RedisUrl is not null) CheckUrl(UrlRules.CheckAbsolute(SettingKeys.RedisUrl, s.RedisUrl, "redis", "rediss"), SettingKeys.RedisUrl, Add);
        if (s.DatabaseUrl is not null) CheckUrl(UrlRules.CheckDatabaseUrl(s.DatabaseUrl), SettingKeys.DatabaseUrl, Add);

        CheckKeys(s, Add);
    }

    private static void CheckKeys(TradingSettings s, Action<string, string> add)
    {
        var hasKey = s.BinanceApiKey is not null;
        var hasSecret = s.BinanceApiSecret is not null;
        if (hasKey != hasSecret)
            add(hasKey ? SettingKeys.BinanceApiSecret : SettingKeys.BinanceApiKey, "BINANCE_API_KEY and BINANCE_API_SECRET must be set together");

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

    private static void CheckPercent(string key, decimal value, Action<string, string> add)
    {
        if (value is < 0 or > 100) add(key, $"{key} is a percent and must be within 0..100 (got {value})");
    }

    private static void CheckUrl(string? problem, string key, Action<string, string> add)
    {
        if (problem is not null) add(key, problem);
    }
}
