using System.Globalization;

namespace Trading.Services.Configuration;

/// <summary>The ALERTS_* settings: the alerts: block of settings.yaml (alerts.telegram.chat_id = ALERTS_TELEGRAM_CHAT_ID).</summary>
internal static class AlertSettingDefinitions
{
    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new(SettingKeys.AlertsDailyLossPct, "daily loss that warns, percent 0..100 (0 = off)", s => Dec(s.Alerts.DailyLossPct)),
        new(SettingKeys.AlertsDrawdownWarningPct, "drawdown that warns, percent 0..100 (0 = off)", s => Dec(s.Alerts.DrawdownWarningPct)),
        new(SettingKeys.AlertsDrawdownCriticalPct, "drawdown that is critical and engages the kill switch, percent 0..100 (0 = off)",
            s => Dec(s.Alerts.DrawdownCriticalPct)),
        new(SettingKeys.AlertsExchangeErrorsPerMinute, "exchange errors in a minute above which a warning is sent (0 = off)",
            s => Int(s.Alerts.ExchangeErrorsPerMinute)),
        new(SettingKeys.AlertsMaxPerMinute, "alerts sent per minute; the rest are summarized, at least 1", s => Int(s.Alerts.MaxPerMinute)),
        new(SettingKeys.AlertsWebhookUrl, "URL that receives each alert as a JSON POST (empty = off)", s => s.Alerts.WebhookUrl, MaskKind.Connection),
        new(SettingKeys.AlertsTelegramBaseUrl, "Telegram Bot API base URL", s => s.Alerts.TelegramBaseUrl, MaskKind.Connection),
        new(SettingKeys.AlertsTelegramToken, "Telegram bot token (with ALERTS_TELEGRAM_CHAT_ID; empty = off)", s => s.Alerts.TelegramToken, MaskKind.Secret),
        new(SettingKeys.AlertsTelegramChatId, "Telegram chat that receives alerts", s => s.Alerts.TelegramChatId),
        new(SettingKeys.AlertsEmailSmtpHost, "SMTP server for alert e-mail (empty = off)", s => s.Alerts.EmailSmtpHost),
        new(SettingKeys.AlertsEmailSmtpPort, "SMTP port (STARTTLS when offered; 465 = TLS)", s => Int(s.Alerts.EmailSmtpPort)),
        new(SettingKeys.AlertsEmailFrom, "sender address of alert e-mail", s => s.Alerts.EmailFrom),
        new(SettingKeys.AlertsEmailTo, "recipients of alert e-mail, comma-separated", s => s.Alerts.EmailTo),
        new(SettingKeys.AlertsEmailUsername, "SMTP user name (empty = no login)", s => s.Alerts.EmailUsername),
        new(SettingKeys.AlertsEmailPassword, "SMTP password", s => s.Alerts.EmailPassword, MaskKind.Secret),
    ];

    private static string Dec(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
