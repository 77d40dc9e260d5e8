namespace Trading.Services.Configuration;

/// <summary>
/// The alerts: block. Rules: a daily loss over <see cref="DailyLossPct"/> warns; a drawdown over <see cref="DrawdownWarningPct"/>
/// warns and over <see cref="DrawdownCriticalPct"/> is critical and engages the kill switch; more than
/// <see cref="ExchangeErrorsPerMinute"/> exchange errors in a minute warn. A threshold of 0 turns its rule off. Channels are used
/// when configured; the log always.
/// </summary>
public sealed record AlertSettings
{
    public decimal DailyLossPct { get; init; } = 2m;
    public decimal DrawdownWarningPct { get; init; } = 5m;
    public decimal DrawdownCriticalPct { get; init; } = 10m;
    public int ExchangeErrorsPerMinute { get; init; } = 5;

    /// <summary>Alerts sent per minute; the ones beyond are summarized in one message when the minute ends.</summary>
    public int MaxPerMinute { get; init; } = 10;

    public string? WebhookUrl { get; init; }
    public string TelegramBaseUrl { get; init; } = "https://api.telegram.org";
    public string? TelegramToken { get; init; }
    public string? TelegramChatId { get; init; }
    public string? EmailSmtpHost { get; init; }
    public int EmailSmtpPort { get; init; } = 587;
    public string? EmailFrom { get; init; }
    public string? EmailTo { get; init; }
    public string? EmailUsername { get; init; }
    public string? EmailPassword { get; init; }
}
