using StackExchange.Redis;
using Trading.Messaging.Redis;

namespace Trading.Messaging.Tests.Redis;

/// <summary>Short timings so reclaim, retries and reconnects happen within a test's patience.</summary>
internal static class RedisBusTestKit
{
    private static int _names;

    public static RedisBusOptions Options(string consumer, int maxAttempts = 3, int readBatch = 64) => new()
    {
        ConsumerName = consumer,
        Delivery = new DeliveryPolicy { MaxAttempts = maxAttempts, RetryDelay = TimeSpan.Zero },
        MaxDeliveries = 4,
        ClaimIdleTime = TimeSpan.FromMilliseconds(300),
        ClaimInterval = TimeSpan.FromMilliseconds(100),
        PollInterval = TimeSpan.FromMilliseconds(100),
        ReadBatch = readBatch,
        ConnectAttempts = 3,
        RetryDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryDelay = TimeSpan.FromMilliseconds(400),
        ConnectTimeout = TimeSpan.FromSeconds(1),
    };

    public static Task<RedisMessageBus> ConnectAsync(string url, RedisBusOptions options) =>
        RedisMessageBus.ConnectAsync(RedisEndpoint.Parse(url), options, ct: TestContext.Current.CancellationToken);

    /// <summary>A stream name no other test on the same server uses.</summary>
    public static string UniqueStream(string name) => $"{name}.t{Interlocked.Increment(ref _names)}";

    /// <summary>A plain client for looking at the server directly (XPENDING, XLEN) and writing what the bus never would.</summary>
    public static Task<ConnectionMultiplexer> InspectorAsync(string url)
    {
        var endpoint = RedisEndpoint.Parse(url);
        return ConnectionMultiplexer.ConnectAsync($"{endpoint.Host}:{endpoint.Port}");
    }
}
