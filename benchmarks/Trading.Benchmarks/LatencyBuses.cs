using Microsoft.Extensions.Logging;
using Trading.Core.Messaging;
using Trading.Messaging;
using Trading.Messaging.Redis;

namespace Trading.Benchmarks;

/// <summary>
/// The buses of <see cref="LatencyPipeline"/>: one in-process bus shared by every service (embedded mode), or one Redis
/// Streams connection per service, each with its own consumer name, as the separate `service run --name` processes have.
/// </summary>
internal sealed class LatencyBuses : IAsyncDisposable
{
    private readonly Dictionary<string, IMessageBus> _byService;
    private readonly IMessageBus? _shared;

    private LatencyBuses(IMessageBus? shared, Dictionary<string, IMessageBus> byService) => (_shared, _byService) = (shared, byService);

    public string Description => _shared is null ? "Redis Streams, one connection per service" : "in-process";

    public static LatencyBuses InProcess(ILoggerFactory logs) =>
        new(new InProcessMessageBus(new InProcessBusOptions { InlineHandoff = Environment.GetEnvironmentVariable("BENCH_INLINE") != "0" },
            logger: logs.CreateLogger<InProcessMessageBus>()), []);

    public static async Task<LatencyBuses> RedisAsync(string url, ILoggerFactory logs, CancellationToken ct)
    {
        var byService = new Dictionary<string, IMessageBus>(StringComparer.Ordinal);
        foreach (var service in new[] { "data-collector", "strategy-engine", "order-executor", "portfolio-manager", "bench" })
        {
            byService[service] = await RedisMessageBus.ConnectAsync(RedisEndpoint.Parse(url), new RedisBusOptions { ConsumerName = $"{service}-bench" },
                TimeProvider.System, logs.CreateLogger<RedisMessageBus>(), ct);
        }
        return new LatencyBuses(null, byService);
    }

    public IMessageBus For(string service) => _shared ?? _byService[service];

    public async ValueTask DisposeAsync()
    {
        if (_shared is not null) await _shared.DisposeAsync();
        foreach (var bus in _byService.Values) await bus.DisposeAsync();
    }
}
