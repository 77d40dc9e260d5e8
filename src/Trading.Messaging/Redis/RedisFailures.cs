using StackExchange.Redis;

namespace Trading.Messaging.Redis;

/// <summary>Which Redis errors mean "the server is away for now, try again" rather than a bug.</summary>
internal static class RedisFailures
{
    public static bool IsTransient(Exception e) => e switch
    {
        RedisConnectionException or RedisTimeoutException or MessageBusUnavailableException => true,
        // A restarted server answers LOADING while it replays its append-only file.
        RedisServerException server => server.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal),
        _ => false,
    };

    public static bool IsMissingGroup(Exception e) =>
        e is RedisServerException server && server.Message.StartsWith("NOGROUP", StringComparison.Ordinal);

    public static string FirstLine(Exception e) => e.Message.Split('\n', 2)[0].Trim();
}
