namespace Trading.Services.Configuration;

/// <summary>Start-up checks of the alerts: block: ranges, URLs, and channels configured completely or not at all.</summary>
internal static class AlertSettingsValidator
{
    public static void Validate(AlertSettings a, Action<string, string> add)
    {
        Percent(SettingKeys.AlertsDailyLossPct, a.DailyLossPct, add);
        Percent(SettingKeys.AlertsDrawdownWarningPct, a.DrawdownWarningPct, add);
        Percent(SettingKeys.AlertsDrawdownCriticalPct, a.DrawdownCriticalPct, add);
        if (a.ExchangeErrorsPerMinute < 0)
            add(SettingKeys.AlertsExchangeErrorsPerMinute, $"ALERTS_EXCHANGE_ERRORS_PER_MINUTE must be 0 (off) or more (got {a.ExchangeErrorsPerMinute})");
        if (a.MaxPerMinute < 1) add(SettingKeys.AlertsMaxPerMinute, $"ALERTS_MAX_PER_MINUTE must be at least 1 (got {a.MaxPerMinute})");
        if (a.WebhookUrl is not null && UrlRules.CheckAbsolute(SettingKeys.AlertsWebhookUrl, a.WebhookUrl, "http", "https") is { } webhook)
            add(SettingKeys.AlertsWebhookUrl, webhook);
        if (UrlRules.CheckAbsolute(SettingKeys.AlertsTelegramBaseUrl, a.TelegramBaseUrl, "http", "https") is { } telegram)
            add(SettingKeys.AlertsTelegramBaseUrl, telegram);
        if ((a.TelegramToken is null) != (a.TelegramChatId is null))
            add(SettingKeys.AlertsTelegramChatId, "ALERTS_TELEGRAM_TOKEN and ALERTS_TELEGRAM_CHAT_ID must be set together");
        if (a.EmailSmtpPort is < 1 or > 65535)
            add(SettingKeys.AlertsEmailSmtpPort, $"ALERTS_EMAIL_SMTP_PORT must be a port 1..65535 (got {a.EmailSmtpPort})");
        if (a.EmailSmtpHost is not null && (a.EmailFrom is null || a.EmailTo is null))
            add(SettingKeys.AlertsEmailSmtpHost, "ALERTS_EMAIL_SMTP_HOST needs ALERTS_EMAIL_FROM and ALERTS_EMAIL_TO");
        if ((a.EmailUsername is null) != (a.EmailPassword is null))
            add(SettingKeys.AlertsEmailUsername, "ALERTS_EMAIL_USERNAME and ALERTS_EMAIL_PASSWORD must be set together");
    }

    private static void Percent(string key, decimal value, Action<string, string> add)
    {
        if (value is < 0 or > 100) add(key, $"{key} is a percent and must be within 0..100 (got {value})");
    }
}
