namespace Trading.Services.Configuration;

internal sealed partial class SettingsBinder
{
    private AlertSettings BindAlerts(AlertSettings d) => d with
    {
        DailyLossPct = Number(SettingKeys.AlertsDailyLossPct) ?? d.DailyLossPct,
        DrawdownWarningPct = Number(SettingKeys.AlertsDrawdownWarningPct) ?? d.DrawdownWarningPct,
        DrawdownCriticalPct = Number(SettingKeys.AlertsDrawdownCriticalPct) ?? d.DrawdownCriticalPct,
        ExchangeErrorsPerMinute = Integer(SettingKeys.AlertsExchangeErrorsPerMinute) ?? d.ExchangeErrorsPerMinute,
        MaxPerMinute = Integer(SettingKeys.AlertsMaxPerMinute) ?? d.MaxPerMinute,
        WebhookUrl = Text(SettingKeys.AlertsWebhookUrl),
        TelegramBaseUrl = Text(SettingKeys.AlertsTelegramBaseUrl) ?? d.TelegramBaseUrl,
        TelegramToken = Text(SettingKeys.AlertsTelegramToken),
        TelegramChatId = Text(SettingKeys.AlertsTelegramChatId),
        EmailSmtpHost = Text(SettingKeys.AlertsEmailSmtpHost),
        EmailSmtpPort = Integer(SettingKeys.AlertsEmailSmtpPort) ?? d.EmailSmtpPort,
        EmailFrom = Text(SettingKeys.AlertsEmailFrom),
        EmailTo = Text(SettingKeys.AlertsEmailTo),
        EmailUsername = Text(SettingKeys.AlertsEmailUsername),
        EmailPassword = Text(SettingKeys.AlertsEmailPassword),
    };

    private LogFormat? Format() => Choice<LogFormat>(SettingKeys.LogFormat, "LOG_FORMAT must be auto, json or text");
}
