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

    private LogFormat? Format()
    {
        var text = Text(SettingKeys.LogFormat);
        if (text is null) return null;
        if (Enum.TryParse<LogFormat>(text, ignoreCase: true, out var format) && !char.IsAsciiDigit(text[0])) return format;
        Add(SettingKeys.LogFormat, $"LOG_FORMAT must be auto, json or text (got '{text}')");
        return null;
    }
}
