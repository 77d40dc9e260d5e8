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
        new(SettingKeys.BinanceBaseUrl, "REST base URL (http/https)", s => s.BinanceBaseUrl, MaskKind.Connection),
        new(SettingKeys.BinanceWsUrl, "market-data WebSocket URL (ws/wss)", s => s.BinanceWsUrl, MaskKind.Connection),
        new(SettingKeys.BinanceWsApiUrl, "WebSocket API URL (ws/wss)", s => s.BinanceWsApiUrl, MaskKind.Connection),
        new(SettingKeys.RiskMaxPositionSize, "largest position as a fraction of equity, (0, 1]", s => Dec(s.RiskMaxPositionSize)),
        new(SettingKeys.RiskStopLossPct, "stop-loss distance in percent, 0..100", s => Dec(s.RiskStopLossPct)),
        new(SettingKeys.RiskDailyLossLimitPct, "daily loss that halts new entries, percent 0..100", s => Dec(s.RiskDailyLossLimitPct)),
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
            foreach (var alias in definition.Aliases) index.Add(alias, definition);
        }
        return index;
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Dec(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
