using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Trading.Services.Configuration;

namespace Trading.Services.Observability.Alerts;

public static class AlertServiceCollectionExtensions
{
    /// <summary>The alert service with the channels the alerts: block configures, and the log always.</summary>
    public static IServiceCollection AddPlatformAlerts(this IServiceCollection services, TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(new ObservabilityOptions());
        services.TryAddSingleton(sp => new AlertDispatcher(Channels(settings.Alerts, sp.GetRequiredService<ILoggerFactory>()),
            settings.Alerts.MaxPerMinute, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AlertDispatcher>>()));
        services.AddHostedService<AlertService>();
        return services;
    }

    public static IReadOnlyList<IAlertChannel> Channels(AlertSettings alerts, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(loggers);
        var channels = new List<IAlertChannel> { new LogAlertChannel(loggers.CreateLogger<AlertService>()) };
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        if (alerts.WebhookUrl is { } webhook) channels.Add(new WebhookAlertChannel(http, new Uri(webhook)));
        if (alerts.TelegramToken is { } token && alerts.TelegramChatId is { } chat)
            channels.Add(new TelegramAlertChannel(http, alerts.TelegramBaseUrl, token, chat));
        if (alerts.EmailSmtpHost is not null) channels.Add(new EmailAlertChannel(alerts));
        return channels;
    }
}
