using System.Globalization;
using Trading.Core.Execution;
using Trading.Core.Risk;

namespace Trading.Services.Configuration;

/// <summary>
/// Turns the winning raw values into typed settings; a value that does not parse becomes a problem and keeps its
/// default. In testnet mode the Binance URLs default to the testnet's.
/// </summary>
internal sealed partial class SettingsBinder(IReadOnlyDictionary<string, string> values, List<ConfigProblem> problems)
{
    private static readonly string[] LogLevels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical", "None"];

    public TradingSettings Bind()
    {
        var mode = Mode() ?? new TradingSettings().TradingMode;
        var d = mode == TradingMode.Testnet
            ? new TradingSettings
            {
                BinanceBaseUrl = BinanceTestnetEndpoints.BaseUrl,
                BinanceWsUrl = BinanceTestnetEndpoints.WsUrl,
                BinanceWsApiUrl = BinanceTestnetEndpoints.WsApiUrl,
            }
            : new TradingSettings();
        return d with
        {
            TradingMode = mode,
            DryRun = Bool(SettingKeys.DryRun) ?? d.DryRun,
            ConfirmLive = Bool(SettingKeys.ConfirmLive) ?? d.ConfirmLive,
            DataDir = Text(SettingKeys.DataDir) ?? d.DataDir,
            StrategiesDir = Text(SettingKeys.StrategiesDir) ?? d.StrategiesDir,
            ConfigDir = Text(SettingKeys.ConfigDir) ?? d.ConfigDir,
            DatabaseUrl = Text(SettingKeys.DatabaseUrl),
            RedisUrl = Text(SettingKeys.RedisUrl),
            LogLevel = Level() ?? d.LogLevel,
            BinanceApiKey = Text(SettingKeys.BinanceApiKey),
            BinanceApiSecret = Text(SettingKeys.BinanceApiSecret),
            BinancePrivateKeyPath = Text(SettingKeys.BinancePrivateKeyPath),
            BinancePrivateKeyPassphrase = Text(SettingKeys.BinancePrivateKeyPassphrase),
            BinanceBaseUrl = Text(SettingKeys.BinanceBaseUrl) ?? d.BinanceBaseUrl,
            BinanceWsUrl = Text(SettingKeys.BinanceWsUrl) ?? d.BinanceWsUrl,
            BinanceWsApiUrl = Text(SettingKeys.BinanceWsApiUrl) ?? d.BinanceWsApiUrl,
            RiskMaxPositionSize = Number(SettingKeys.RiskMaxPositionSize) ?? d.RiskMaxPositionSize,
            RiskStopLossPct = Number(SettingKeys.RiskStopLossPct) ?? d.RiskStopLossPct,
            RiskDailyLossLimitPct = Number(SettingKeys.RiskDailyLossLimitPct) ?? d.RiskDailyLossLimitPct,
            RiskTakeProfitPct = Number(SettingKeys.RiskTakeProfitPct) ?? d.RiskTakeProfitPct,
            RiskMaxDrawdownPct = Number(SettingKeys.RiskMaxDrawdownPct) ?? d.RiskMaxDrawdownPct,
            RiskMaxOpenPositions = Integer(SettingKeys.RiskMaxOpenPositions) ?? d.RiskMaxOpenPositions,
            RiskTradingHours = Text(SettingKeys.RiskTradingHours) is null ? d.RiskTradingHours : Hours(),
            RiskPriceGuardPct = Number(SettingKeys.RiskPriceGuardPct) ?? d.RiskPriceGuardPct,
            RiskFuturesMaxLeverage = Integer(SettingKeys.RiskFuturesMaxLeverage) ?? d.RiskFuturesMaxLeverage,
            RiskFuturesMinLiquidationDistancePct = Number(SettingKeys.RiskFuturesMinLiquidationDistancePct) ?? d.RiskFuturesMinLiquidationDistancePct,
            RiskFuturesMaxMarginRatioPct = Number(SettingKeys.RiskFuturesMaxMarginRatioPct) ?? d.RiskFuturesMaxMarginRatioPct,
            RiskFuturesMaxExposurePct = Number(SettingKeys.RiskFuturesMaxExposurePct) ?? d.RiskFuturesMaxExposurePct,
            AllocMaxStrategyPct = Number(SettingKeys.AllocMaxStrategyPct) ?? d.AllocMaxStrategyPct,
            AllocUncertainFactor = Number(SettingKeys.AllocUncertainFactor) ?? d.AllocUncertainFactor,
            AllocMaxHeatPct = Number(SettingKeys.AllocMaxHeatPct) ?? d.AllocMaxHeatPct,
            PaperFeeBps = Number(SettingKeys.PaperFeeBps) ?? d.PaperFeeBps,
            PaperSlippageBps = Number(SettingKeys.PaperSlippageBps) ?? d.PaperSlippageBps,
            EntryOrderType = EntryType() ?? d.EntryOrderType,
            ProtectiveOrders = Choice<ProtectiveOrderMode>(SettingKeys.ProtectiveOrders, "PROTECTIVE_ORDERS must be exchange or local"),
            EntryLimitTimeoutSeconds = Integer(SettingKeys.EntryLimitTimeoutSeconds) ?? d.EntryLimitTimeoutSeconds,
            EntryLimitMaxReprices = Integer(SettingKeys.EntryLimitMaxReprices) ?? d.EntryLimitMaxReprices,
            EntryLimitAbandonPct = Number(SettingKeys.EntryLimitAbandonPct) ?? d.EntryLimitAbandonPct,
            PortfolioSnapshotMinutes = Integer(SettingKeys.PortfolioSnapshotMinutes) ?? d.PortfolioSnapshotMinutes,
            Sizing = SizingMode() ?? d.Sizing,
            SizingValue = Number(SettingKeys.SizingValue) ?? d.SizingValue,
            ApiKey = Text(SettingKeys.ApiKey),
            ApiPort = Integer(SettingKeys.ApiPort) ?? d.ApiPort,
            ApiBind = Text(SettingKeys.ApiBind) ?? d.ApiBind,
            LogFormat = Format() ?? d.LogFormat,
            MetricsPort = Integer(SettingKeys.MetricsPort) ?? d.MetricsPort,
            Alerts = BindAlerts(d.Alerts),
        };
    }

    private int? Integer(string key)
    {
        var text = Text(key);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Add(key, $"{key} must be a whole number (got '{text}')");
        return null;
    }

    /// <summary>"08:00-20:00" (UTC, may wrap past midnight); an unparsable window is a problem and leaves trading always allowed.</summary>
    private TradingHoursWindow? Hours()
    {
        var text = Text(SettingKeys.RiskTradingHours)!;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            if (start != end) return new TradingHoursWindow(start, end);
            Add(SettingKeys.RiskTradingHours, $"RISK_TRADING_HOURS is empty: start and end must differ (got '{text}'); leave it unset to trade at any time");
            return null;
        }
        Add(SettingKeys.RiskTradingHours, $"RISK_TRADING_HOURS must be a UTC window HH:mm-HH:mm such as 08:00-20:00 (got '{text}')");
        return null;
    }

    private EntryOrderType? EntryType()
    {
        var text = Text(SettingKeys.EntryOrderType);
        switch (text?.ToLowerInvariant())
        {
            case null: return null;
            case "market": return Core.Execution.EntryOrderType.Market;
            case "limit": return Core.Execution.EntryOrderType.Limit;
            default:
                Add(SettingKeys.EntryOrderType, $"ENTRY_ORDER_TYPE must be market or limit (got '{text}')");
                return null;
        }
    }

    private PositionSizingMode? SizingMode()
    {
        var text = Text(SettingKeys.Sizing);
        if (text is null) return null;
        if (SizingNames.TryParse(text, out var mode)) return mode;
        Add(SettingKeys.Sizing, $"SIZING must be one of {SizingNames.Choices} (got '{text}')");
        return null;
    }

    private string? Text(string key) =>
        values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private TradingMode? Mode() => Choice<TradingMode>(SettingKeys.TradingMode, "TRADING_MODE must be paper, testnet or live");

    /// <summary>An enum value by name, ignoring case; numbers are not names.</summary>
    private TEnum? Choice<TEnum>(string key, string rule) where TEnum : struct, Enum
    {
        var text = Text(key);
        if (text is null) return null;
        if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && !char.IsAsciiDigit(text[0])) return value;
        Add(key, $"{rule} (got '{text}')");
        return null;
    }

    private bool? Bool(string key)
    {
        var text = Text(key);
        switch (text?.ToLowerInvariant())
        {
            case null: return null;
            case "true" or "1" or "yes" or "on": return true;
            case "false" or "0" or "no" or "off": return false;
            default:
                Add(key, $"{key} must be true or false (got '{text}')");
                return null;
        }
    }

    private string? Level()
    {
        var text = Text(SettingKeys.LogLevel);
        if (text is null) return null;
        var alias = text.ToLowerInvariant() switch { "info" => "Information", "warn" => "Warning", "fatal" => "Critical", _ => text };
        var level = LogLevels.FirstOrDefault(l => l.Equals(alias, StringComparison.OrdinalIgnoreCase));
        if (level is null) Add(SettingKeys.LogLevel, $"LOG_LEVEL must be one of {string.Join(", ", LogLevels)} (got '{text}')");
        return level;
    }

    private decimal? Number(string key)
    {
        var text = Text(key);
        if (text is null) return null;
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        Add(key, $"{key} must be a number (got '{text}')");
        return null;
    }

    private void Add(string key, string message) => problems.Add(new ConfigProblem(key, message));
}
