using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Trading.Services.Bots;

public static class BotSupervisorServiceCollectionExtensions
{
    /// <summary>The bot supervisor as a hosted service; bots it starts again log to <paramref name="logDirectory"/>.</summary>
    public static IServiceCollection AddBotSupervisor(this IServiceCollection services, string logDirectory, BotSupervisorOptions? options = null)
    {
        services.TryAddSingleton(options ?? new BotSupervisorOptions());
        services.TryAddSingleton<IBotLauncher>(new ProcessBotLauncher(logDirectory));
        services.AddSingleton<BotSupervisor>();
        services.AddHostedService(sp => sp.GetRequiredService<BotSupervisor>());
        return services;
    }
}
