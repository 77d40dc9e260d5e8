using Microsoft.Extensions.Logging;
using Trading.Core.Messaging;
using Trading.Messaging;
using Trading.Messaging.Redis;
using Trading.Services.Configuration;

namespace Trading.Services;

/// <summary>
/// The bus a process uses: Redis Streams when REDIS_URL is set (distributed mode), else the in-process bus. A Redis server
/// that stays unreachable at start ends in <see cref="MessageBusUnavailableException"/>; a malformed REDIS_URL in
/// <see cref="FormatException"/>; neither message shows the password.
/// </summary>
public static class MessageBusFactory
{
    public static async Task<IMessageBus> CreateAsync(TradingSettings settings, TimeProvider time, ILoggerFactory loggers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        if (string.IsNullOrWhiteSpace(settings.RedisUrl))
            return new InProcessMessageBus(new InProcessBusOptions(), time, loggers.CreateLogger<InProcessMessageBus>());
        return await RedisMessageBus.ConnectAsync(RedisEndpoint.Parse(settings.RedisUrl), new RedisBusOptions(), time,
            loggers.CreateLogger<RedisMessageBus>(), ct);
    }

    /// <summary>As <see cref="CreateAsync"/>, for a dependency-injection factory, which cannot await.</summary>
    public static IMessageBus Create(TradingSettings settings, TimeProvider time, ILoggerFactory loggers) =>
        CreateAsync(settings, time, loggers).GetAwaiter().GetResult();
}
