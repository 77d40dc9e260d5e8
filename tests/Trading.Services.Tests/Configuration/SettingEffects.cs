using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Services.Configuration;
using Microsoft.Extensions.Hosting;
using Trading.Services.Execution;
using Trading.Services.Observability;
using Trading.Services.Observability.Alerts;
using Trading.Services.Observability.Logging;
using Trading.Services.Strategies;
using Trading.Storage;
using Trading.TestInfrastructure;

namespace Trading.Services.Tests.Configuration;

/// <summary>
/// One row per documented setting: a value other than the default, the variables it needs beside it, and a probe that
/// reads what the platform does with the loaded settings. <see cref="SettingEffectTests"/> requires a row for every
/// entry of <see cref="SettingDefinitions.All"/> and that the probe's answer changes with the value.
/// </summary>
internal static class SettingEffects
{
    private const string Key = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    private const string Secret = "ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210";

    /// <summary>A strategies folder whose one file does not compile, so loading it reports a problem.</summary>
    private static readonly Lazy<string> BrokenPluginDir = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("setting-effects-").FullName;
        File.WriteAllText(Path.Combine(dir, "broken.cs"), "public class Broken {");
        return dir;
    });

    public sealed record Row(string Name, string Value, Func<LoadedConfiguration, string> Probe, Dictionary<string, string?>? Beside = null);

    public static IReadOnlyList<Row> All { get; } =
    [
        new(SettingKeys.TradingMode, "testnet", Mode, new() { [SettingKeys.DryRun] = "false", [SettingKeys.BinanceApiKey] = Key, [SettingKeys.BinanceApiSecret] = Secret }),
        new(SettingKeys.DryRun, "false", Mode),
        new(SettingKeys.ConfirmLive, "true", l => $"{Mode(l)} {string.Join("; ", l.Problems)}",
            new() { [SettingKeys.TradingMode] = "live", [SettingKeys.DryRun] = "false", [SettingKeys.BinanceApiKey] = Key, [SettingKeys.BinanceApiSecret] = Secret }),
        new(SettingKeys.DataDir, "/tmp/elsewhere", l => Store(l.Settings)),
        new(SettingKeys.StrategiesDir, BrokenPluginDir.Value, l => string.Join(", ", StrategyCatalog.Load(l.Settings.StrategiesDir).Problems)),
        new(SettingKeys.ConfigDir, Path.Combine(RepoPaths.Root, "config", "examples"), l => string.Join(", ", ConfiguredBots.From(l.Settings).Select(b => b.Id))),
        new(SettingKeys.DatabaseUrl, "postgresql://u:p@localhost:5432/trading", l => Store(l.Settings)),
        new(SettingKeys.RedisUrl, "redis://127.0.0.1:6379", Bus),
        new(SettingKeys.LogLevel, "Debug", l => Platform(l.Settings).GetRequiredService<ILoggerFactory>().CreateLogger("x").IsEnabled(LogLevel.Debug).ToString()),
        new(SettingKeys.BinanceApiKey, Key, Venue, new() { [SettingKeys.BinanceApiSecret] = Secret, [SettingKeys.TradingMode] = "testnet" }),
        new(SettingKeys.BinanceApiSecret, Secret, Venue, new() { [SettingKeys.BinanceApiKey] = Key, [SettingKeys.TradingMode] = "testnet" }),
        new(SettingKeys.BinancePrivateKeyPath, SigningKey("ed25519-rfc8032-test2.pem"), Signer, new() { [SettingKeys.BinanceApiKey] = Key }),
        new(SettingKeys.BinancePrivateKeyPassphrase, "password", Signer, new()
        {
            [SettingKeys.BinanceApiKey] = Key, [SettingKeys.BinancePrivateKeyPath] = SigningKey("ed25519-rfc8032-test2-encrypted-password-is-password.pem"),
        }),
        new(SettingKeys.BinanceBaseUrl, "http://127.0.0.1:9", l => new Uri(l.Settings.BinanceBaseUrl).Authority),
        new(SettingKeys.BinanceWsUrl, "ws://127.0.0.1:9", l => new Uri(l.Settings.BinanceWsUrl).Authority),
        new(SettingKeys.BinanceWsApiUrl, "ws://127.0.0.1:9", l => new Uri(l.Settings.BinanceWsApiUrl).Authority),
        new(SettingKeys.RiskMaxPositionSize, "0.5", Execution),
        new(SettingKeys.RiskStopLossPct, "3", Execution),
        new(SettingKeys.RiskDailyLossLimitPct, "0", Execution),
        new(SettingKeys.RiskTakeProfitPct, "4", Execution),
        new(SettingKeys.RiskMaxDrawdownPct, "10", Execution),
        new(SettingKeys.RiskMaxOpenPositions, "2", Execution),
        new(SettingKeys.RiskTradingHours, "08:00-10:00", Execution),
        new(SettingKeys.RiskPriceGuardPct, "0", Execution),
        new(SettingKeys.RiskFuturesMaxLeverage, "1", FuturesRisk),
        new(SettingKeys.RiskFuturesMinLiquidationDistancePct, "60", FuturesRisk),
        new(SettingKeys.RiskFuturesMaxMarginRatioPct, "0.5", FuturesRisk),
        new(SettingKeys.RiskFuturesMaxExposurePct, "40", FuturesRisk),
        new(SettingKeys.AllocMaxStrategyPct, "10", Allocation),
        new(SettingKeys.AllocUncertainFactor, "1", Allocation),
        new(SettingKeys.AllocMaxHeatPct, "1", Allocation),
        new(SettingKeys.PaperFeeBps, "0", Execution),
        new(SettingKeys.PaperSlippageBps, "25", Execution),
        new(SettingKeys.EntryOrderType, "limit", Execution),
        // Where a testnet executor keeps the exits (ProtectiveOrdersCrashTests runs both modes against the simulator).
        new(SettingKeys.ProtectiveOrders, "local", l => ExecutionServiceCollectionExtensions.OptionsFrom(
            l.Settings with { TradingMode = TradingMode.Testnet }, ExecutionMode.Testnet).Policy.ProtectiveOrders.ToString()),
        new(SettingKeys.EntryLimitTimeoutSeconds, "5", Execution),
        new(SettingKeys.EntryLimitMaxReprices, "7", Execution),
        new(SettingKeys.EntryLimitAbandonPct, "3", Execution),
        // The interval the portfolio manager snapshots at (PaperPipelineTests runs the service with it).
        new(SettingKeys.PortfolioSnapshotMinutes, "15", l => l.Settings.PortfolioSnapshotInterval?.ToString() ?? "daily only"),
        new(SettingKeys.Sizing, "fixed_quote", Execution),
        new(SettingKeys.SizingValue, "0.2", Execution),
        new(SettingKeys.ApiKey, Key, l => $"accepts the key: {ApiAccess.Accepts(l.Settings, Key)}"),
        new(SettingKeys.ApiPort, "9123", l => ApiAccess.ListenUrl(l.Settings)),
        new(SettingKeys.ApiBind, "::1", l => ApiAccess.ListenUrl(l.Settings)),
        new(SettingKeys.LogFormat, "json", l => PlatformLogging.Formatter(l.Settings.LogFormat, isTerminal: true).GetType().Name),
        new(SettingKeys.MetricsPort, "9464", l => new ServiceCollection().AddPlatformMetrics(l.Settings).Count(d => d.ServiceType == typeof(IHostedService)).ToString(CultureInfo.InvariantCulture)),
        new(SettingKeys.AlertsDailyLossPct, "5", AlertsFired),
        new(SettingKeys.AlertsDrawdownWarningPct, "8", AlertsFired),
        new(SettingKeys.AlertsDrawdownCriticalPct, "6", AlertsFired),
        new(SettingKeys.AlertsExchangeErrorsPerMinute, "10", ExchangeErrorAlert),
        new(SettingKeys.AlertsMaxPerMinute, "1", AlertsDelivered),
        new(SettingKeys.AlertsWebhookUrl, "http://127.0.0.1:9/hook", AlertChannels),
        new(SettingKeys.AlertsTelegramBaseUrl, "http://127.0.0.1:9", AlertChannels, Telegram),
        new(SettingKeys.AlertsTelegramToken, "123:telegram-token", AlertChannels, new() { [SettingKeys.AlertsTelegramChatId] = "42" }),
        new(SettingKeys.AlertsTelegramChatId, "43", AlertChannels, Telegram),
        new(SettingKeys.AlertsEmailSmtpHost, "127.0.0.1", AlertChannels, Email(SettingKeys.AlertsEmailSmtpHost)),
        new(SettingKeys.AlertsEmailSmtpPort, "2525", AlertChannels, Email()),
        new(SettingKeys.AlertsEmailFrom, "bot@example.org", AlertChannels, Email()),
        new(SettingKeys.AlertsEmailTo, "ops@example.org,desk@example.org", AlertChannels, Email()),
        new(SettingKeys.AlertsEmailUsername, "mailer", AlertChannels, new(Email()) { [SettingKeys.AlertsEmailPassword] = "mail-password" }),
        new(SettingKeys.AlertsEmailPassword, "mail-password", AlertChannels, new(Email()) { [SettingKeys.AlertsEmailUsername] = "mailer" }),
    ];

    private static Dictionary<string, string?> Telegram => new() { [SettingKeys.AlertsTelegramToken] = "123:telegram-token", [SettingKeys.AlertsTelegramChatId] = "42" };

    private static Dictionary<string, string?> Email(string? without = null)
    {
        var values = new Dictionary<string, string?>
        {
            [SettingKeys.AlertsEmailSmtpHost] = "mail.example.org", [SettingKeys.AlertsEmailFrom] = "a@example.org", [SettingKeys.AlertsEmailTo] = "b@example.org",
        };
        if (without is not null) values.Remove(without);
        return values;
    }

    /// <summary>The portfolio rules fired by a day 3 % down at a 7 % drawdown.</summary>
    private static string AlertsFired(LoadedConfiguration loaded) => string.Join(", ", new PortfolioAlertRules(loaded.Settings.Alerts)
        .Evaluate(new Core.Model.PortfolioSnapshot { Time = DateTimeOffset.UnixEpoch, Equity = 9_700m, DailyPnl = -300m, Drawdown = 0.07m })
        .Select(a => a.Rule));

    /// <summary>Whether 6 exchange errors within a minute warn.</summary>
    private static string ExchangeErrorAlert(LoadedConfiguration loaded)
    {
        var rule = new ExchangeErrorRule(loaded.Settings.Alerts.ExchangeErrorsPerMinute);
        return string.Join(",", Enumerable.Range(0, 6).Select(i => rule.Record(DateTimeOffset.UnixEpoch.AddSeconds(i), "500")?.Rule ?? "-"));
    }

    /// <summary>How many of three alerts within a minute are delivered at once.</summary>
    private static string AlertsDelivered(LoadedConfiguration loaded)
    {
        var channel = new CountingChannel();
        var dispatcher = new AlertDispatcher([channel], loaded.Settings.Alerts.MaxPerMinute, new ManualTimeProvider(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        for (var i = 0; i < 3; i++) dispatcher.SendAsync(new Alert(AlertSeverity.Warning, "rule", "m", DateTimeOffset.UnixEpoch), CancellationToken.None).GetAwaiter().GetResult();
        return channel.Sent.ToString(CultureInfo.InvariantCulture);
    }

    private static string AlertChannels(LoadedConfiguration loaded) =>
        string.Join("; ", AlertServiceCollectionExtensions.Channels(loaded.Settings.Alerts, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

    private sealed class CountingChannel : IAlertChannel
    {
        public int Sent { get; private set; }

        public string Name => "counting";

        public Task SendAsync(Alert alert, CancellationToken ct)
        {
            Sent++;
            return Task.CompletedTask;
        }
    }

    private static string Mode(LoadedConfiguration loaded) =>
        ExecutionModes.TryResolve(loaded.Settings, confirmLive: false, out var mode, out var problem) ? mode.ToString() : $"refused: {problem}";

    private static string Store(TradingSettings settings) => new StoreLocation(settings.DatabaseUrl, settings.DataDir).Describe();

    private static string SigningKey(string file) => Path.Combine(RepoPaths.Root, "tests", "Trading.Binance.Tests", "Signing", "Keys", file);

    /// <summary>What signs the trading client's requests, or why nothing can.</summary>
    private static string Signer(LoadedConfiguration loaded) =>
        ApiKeySigner.TryCreate(loaded.Settings, out var problem) is { } credentials ? credentials.Signer.GetType().Name : $"refused: {problem}";

    private static string Venue(LoadedConfiguration loaded)
    {
        using var http = new HttpClient();
        var ok = BinanceVenueFactory.TryCreate(loaded.Settings, ExecutionMode.Testnet, http, TimeProvider.System, out var venue, out var problem);
        return ok ? $"venue {venue!.GetType().Name}" : $"refused: {problem}";
    }

    /// <summary>The bus the platform builds: in-process, or Redis Streams at the parsed endpoint (not connected here).</summary>
    private static string Bus(LoadedConfiguration loaded)
    {
        if (!string.IsNullOrWhiteSpace(loaded.Settings.RedisUrl))
            return $"redis streams at {Messaging.Redis.RedisEndpoint.Parse(loaded.Settings.RedisUrl)}";
        var provider = new ServiceCollection().AddTradingPlatform(loaded.Settings).BuildServiceProvider();
        var name = provider.GetRequiredService<Core.Messaging.IMessageBus>().GetType().Name;
        provider.DisposeAsync().AsTask().Wait();
        return name;
    }

    private static ServiceProvider Platform(TradingSettings settings) => new ServiceCollection().AddTradingPlatform(settings).BuildServiceProvider();

    /// <summary>What the order path is given: the gate's limits, the kernel's policy, the paper fill model, and what they compute.</summary>
    /// <summary>The futures gate's decision on a 2x long of 0.25 BTC at 20,000 (half of the 10,000 equity) under the configured RISK_FUTURES_* limits.</summary>
    private static string FuturesRisk(LoadedConfiguration loaded)
    {
        var gate = new Core.Risk.FuturesRiskGate(ExecutionServiceCollectionExtensions.FuturesRiskLimitsFrom(loaded.Settings));
        var order = new Core.Risk.FuturesOrderRequest(new Symbol("BTCUSDT"), PositionSide.Both, 1, 0.25m, 20_000m, 2, ReduceOnly: false);
        return gate.Evaluate(order, new Core.Futures.FuturesAccount(10_000m), Core.Futures.KnownLeverageBrackets.BtcUsdt,
            Core.Backtesting.BacktestSettings.DefaultFilters, Core.Risk.TradingState.Active, 0.0005m).ToString();
    }

    /// <summary>What the allocator grants of a 40-unit entry at 100 with 20 of risk per unit, on 10,000 of equity, before any regime is known.</summary>
    private static string Allocation(LoadedConfiguration loaded) =>
        new Core.Allocation.CapitalAllocator(ExecutionServiceCollectionExtensions.AllocationLimitsFrom(loaded.Settings))
            .Allocate("a", new Symbol("BTCUSDT"), 40m, 100m, 100m, 20m, 10_000m, null).ToString();

    public static string Execution(LoadedConfiguration loaded)
    {
        var s = loaded.Settings;
        var options = ExecutionServiceCollectionExtensions.OptionsFrom(s, ExecutionMode.Paper);
        var fills = new FillModel(options.PaperFill);
        var filters = new SymbolFilters { TickSize = 0.01m, StepSize = 0.00001m, MinQuantity = 0.00001m };
        var size = options.Policy.DefaultSizing.Size(10_000m, 100m, 98m, filters);
        return string.Create(CultureInfo.InvariantCulture,
            $"{ExecutorFactory.LimitsFrom(s)} {options.Policy} {options.PaperFill} size {size} buy at {fills.MarketPrice(OrderSide.Buy, 100m)} fee {fills.Fee(1000m, false)}");
    }

    private sealed class SingleLoggerProvider(ILogger logger) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
