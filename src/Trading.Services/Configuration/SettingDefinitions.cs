using System.Globalization;

namespace Trading.Services.Configuration;

/// <summary>Every setting the platform reads, in display order.</summary>
public static class SettingDefinitions
{
    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new(SettingKeys.TradingMode, "paper | testnet | live", s => s.TradingMode.ToString().ToLowerInvariant(), Aliases: ["MODE"]),
        new(SettingKeys.DryRun, "signals only, no orders (true | false)", s => Bool(s.DryRun), Aliases: ["TRADING_DRY_RUN"]),
        new(SettingKeys.ConfirmLive, "explicit opt-in required for live mode", s => Bool(s.ConfirmLive)),
        new(SettingKeys.DataDir, "data directory (SQLite file, state)", s => s.DataDir, Aliases: ["DATA_DIR"]),
        new(SettingKeys.StrategiesDir, "user strategy files (.cs)", s => s.StrategiesDir, Aliases: ["STRATEGIES_DIR"]),
        new(SettingKeys.ConfigDir, "directory of the optional YAML/bot files", s => s.ConfigDir, Aliases: ["CONFIG_DIR"]),
        new(SettingKeys.DatabaseUrl, "PostgreSQL URL or Npgsql string; empty = SQLite", s => s.DatabaseUrl, MaskKind.Connection),
        new(SettingKeys.RedisUrl, "Redis URL for the Redis Streams bus; empty = in-process", s => s.RedisUrl, MaskKind.Connection),
        new(SettingKeys.LogLevel, "Trace | Debug | Information | Warning | Error | Critical | None", s => s.LogLevel,
            Aliases: ["LOGGING_LOG_LEVEL_DEFAULT"]),
        new(SettingKeys.BinanceApiKey, "Binance API key", s => s.BinanceApiKey, MaskKind.Secret),
        new(SettingKeys.BinanceApiSecret, "Binance API secret", s => s.BinanceApiSecret, MaskKind.Secret),
        new(SettingKeys.BinancePrivateKeyPath, "RSA or Ed25519 private key file (PEM), instead of the secret", s => s.BinancePrivateKeyPath),
        new(SettingKeys.BinancePrivateKeyPassphrase, "passphrase of an encrypted private key file", s => s.BinancePrivateKeyPassphrase, MaskKind.Secret),
        new(SettingKeys.BinanceBaseUrl, "REST base URL (http/https)", s => s.BinanceBaseUrl, MaskKind.Connection),
        new(SettingKeys.BinanceWsUrl, "market-data WebSocket URL (ws/wss)", s => s.BinanceWsUrl, MaskKind.Connection),
        new(SettingKeys.BinanceWsApiUrl, "WebSocket API URL (ws/wss)", s => s.BinanceWsApiUrl, MaskKind.Connection),
        new(SettingKeys.RiskMaxPositionSize, "largest position as a fraction of equity, (0, 1]", s => Dec(s.RiskMaxPositionSize)),
        new(SettingKeys.RiskStopLossPct, "stop-loss distance in percent, 0..100 (0 = off)", s => Dec(s.RiskStopLossPct),
            Aliases: ["RISK_STOP_LOSS_PERCENT", "STOP_LOSS_PERCENT", "STOP_LOSS_PCT"]) { EnvironmentAliases = ["STOP_LOSS_PERCENT"] },
        new(SettingKeys.RiskDailyLossLimitPct, "daily loss that halts new entries, percent 0..100 (0 = off)", s => Dec(s.RiskDailyLossLimitPct),
            Aliases: ["RISK_DAILY_LOSS_LIMIT_PERCENT", "DAILY_LOSS_LIMIT_PERCENT", "DAILY_LOSS_LIMIT_PCT"]) { EnvironmentAliases = ["DAILY_LOSS_LIMIT_PERCENT"] },
        new(SettingKeys.RiskTakeProfitPct, "take-profit distance in percent, 0..1000 (0 = off)", s => Dec(s.RiskTakeProfitPct),
            Aliases: ["RISK_TAKE_PROFIT_PERCENT", "TAKE_PROFIT_PERCENT", "TAKE_PROFIT_PCT"]) { EnvironmentAliases = ["TAKE_PROFIT_PERCENT"] },
        new(SettingKeys.RiskMaxDrawdownPct, "drawdown from the equity peak that engages the kill switch, percent 0..100 (0 = off)",
            s => Dec(s.RiskMaxDrawdownPct), Aliases: ["RISK_MAX_DRAWDOWN_PERCENT", "MAX_DRAWDOWN_PERCENT", "MAX_DRAWDOWN_PCT"])
            { EnvironmentAliases = ["MAX_DRAWDOWN_PERCENT"] },
        new(SettingKeys.RiskMaxOpenPositions, "symbols with an open position at once, at least 1", s => Int(s.RiskMaxOpenPositions),
            Aliases: ["MAX_OPEN_POSITIONS"]) { EnvironmentAliases = ["MAX_OPEN_POSITIONS"] },
        new(SettingKeys.RiskTradingHours, "daily UTC window HH:mm-HH:mm for orders (empty = always)", s => Hours(s.RiskTradingHours),
            Aliases: ["TRADING_HOURS"]),
        new(SettingKeys.RiskPriceGuardPct, "largest distance of a signal's price from the market, percent (0 = off)", s => Dec(s.RiskPriceGuardPct),
            Aliases: ["RISK_PRICE_GUARD_PERCENT", "PRICE_GUARD_PCT"]),
        new(SettingKeys.RiskFuturesMaxLeverage, "USDⓈ-M: highest leverage of a position, 1..125", s => Int(s.RiskFuturesMaxLeverage)),
        new(SettingKeys.RiskFuturesMinLiquidationDistancePct, "USDⓈ-M: least distance from entry to liquidation price, percent [0, 100)",
            s => Dec(s.RiskFuturesMinLiquidationDistancePct), Aliases: ["RISK_FUTURES_MIN_LIQUIDATION_DISTANCE_PERCENT"]),
        new(SettingKeys.RiskFuturesMaxMarginRatioPct, "USDⓈ-M: highest margin ratio (maintenance / margin balance), percent (0, 100]",
            s => Dec(s.RiskFuturesMaxMarginRatioPct), Aliases: ["RISK_FUTURES_MAX_MARGIN_RATIO_PERCENT"]),
        new(SettingKeys.RiskFuturesMaxExposurePct, "USDⓈ-M: total notional of all positions, percent of equity (0, 12500]",
            s => Dec(s.RiskFuturesMaxExposurePct), Aliases: ["RISK_FUTURES_MAX_EXPOSURE_PERCENT"]),
        new(SettingKeys.AllocMaxStrategyPct, "allocator: capital one strategy may hold, percent of equity (0, 100]", s => Dec(s.AllocMaxStrategyPct),
            Aliases: ["ALLOC_MAX_STRATEGY_PERCENT"]),
        new(SettingKeys.AllocUncertainFactor, "allocator: a strategy's share is multiplied by this while the regime is UNCERTAIN, 0..1",
            s => Dec(s.AllocUncertainFactor)),
        new(SettingKeys.AllocMaxHeatPct, "allocator: open risk to the stops of all positions, percent of equity (0, 100]", s => Dec(s.AllocMaxHeatPct),
            Aliases: ["ALLOC_MAX_HEAT_PERCENT"]),
        new(SettingKeys.PaperFeeBps, "paper maker/taker fee in basis points, 0..1000", s => Dec(s.PaperFeeBps)),
        new(SettingKeys.PaperSlippageBps, "paper slippage on market and stop fills in basis points, 0..1000", s => Dec(s.PaperSlippageBps)),
        new(SettingKeys.EntryOrderType, "market | limit", s => s.EntryOrderType.ToString().ToLowerInvariant()),
        new(SettingKeys.ProtectiveOrders, "exchange | local: stop-loss and take-profit held at the exchange as an OCO, or fired by the bot (default exchange in testnet/live, local in paper)",
            s => s.EffectiveProtectiveOrders.ToString().ToLowerInvariant()),
        new(SettingKeys.EntryLimitTimeoutSeconds, "seconds an unfilled limit entry rests before re-price (0 = until cancelled)",
            s => Int(s.EntryLimitTimeoutSeconds)),
        new(SettingKeys.EntryLimitMaxReprices, "re-prices of a timed-out limit entry before it is abandoned, 0 or more", s => Int(s.EntryLimitMaxReprices)),
        new(SettingKeys.EntryLimitAbandonPct, "market move from the signal price that abandons a limit entry, percent 0..100",
            s => Dec(s.EntryLimitAbandonPct)),
        new(SettingKeys.PortfolioSnapshotMinutes, "minutes between portfolio snapshots while candles arrive, 0..1440 (0 = daily only)",
            s => Int(s.PortfolioSnapshotMinutes)),
        new(SettingKeys.Sizing, SizingNames.Choices.Replace(", ", " | ", StringComparison.Ordinal), s => SizingNames.Name(s.Sizing),
            Aliases: ["POSITION_SIZING"]),
        new(SettingKeys.SizingValue, "quantity, quote amount, equity fraction (0..1] or risk percent (0..100] for SIZING", s => Dec(s.SizingValue),
            Aliases: ["POSITION_SIZING_VALUE"]),
        new(SettingKeys.ApiKey, "key the REST API and dashboard require in X-API-Key (empty = every request but liveness refused)", s => s.ApiKey,
            MaskKind.Secret),
        new(SettingKeys.ApiPort, "REST API port, 0..65535 (0 = any free port)", s => Int(s.ApiPort)),
        new(SettingKeys.ApiBind, "address the REST API listens on", s => s.ApiBind),
        new(SettingKeys.LogFormat, "auto | json | text (auto = text on a terminal, JSON lines otherwise)", s => s.LogFormat.ToString().ToLowerInvariant()),
        new(SettingKeys.MetricsPort, "loopback port of GET /metrics in `service run`, 0 = off", s => Int(s.MetricsPort)),
        .. AlertSettingDefinitions.All,
    ];

    private static readonly Dictionary<string, SettingDefinition> ByName = BuildIndex();

    /// <summary>Finds a setting by its name or one of its aliases, ignoring case.</summary>
    public static SettingDefinition? Find(string nameOrAlias) =>
        ByName.TryGetValue(nameOrAlias, out var definition) ? definition : null;

    private static Dictionary<string, SettingDefinition> BuildIndex()
    {
        var index = new Dictionary<string, SettingDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in All)
        {
            index.Add(definition.Name, definition);
            foreach (var alias in definition.Aliases.Concat(definition.EnvironmentAliases).Distinct(StringComparer.OrdinalIgnoreCase))
                index.Add(alias, definition);
        }
        return index;
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Dec(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Hours(Trading.Core.Risk.TradingHoursWindow? window) => window is { } w ? $"{w.Start:HH\\:mm}-{w.End:HH\\:mm}" : "";
}
