using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Trading.Messaging.Redis;

/// <summary>
/// Opens the bus's connection: retries an unreachable server with a doubling backoff, then gives up with one clear
/// <see cref="MessageBusUnavailableException"/>. Once connected, the multiplexer reconnects by itself.
/// </summary>
internal static class RedisConnector
{
    public static async Task<ConnectionMultiplexer> ConnectAsync(RedisEndpoint endpoint, RedisBusOptions options, TimeProvider time,
        ILogger logger, CancellationToken ct)
    {
        var attempts = Math.Max(1, options.ConnectAttempts);
        var started = time.GetTimestamp();
        string? lastProblem = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                var connection = await ConnectionMultiplexer.ConnectAsync(endpoint.ToConfiguration(options.ConnectTimeout));
                return connection;
            }
            catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException or RedisServerException)
            {
                lastProblem = Mask(Describe(e), endpoint.Password);
                if (attempt == attempts) break;
                var delay = RetryDelay(options, attempt);
                logger.LogWarning("Redis at {Endpoint} is unreachable (attempt {Attempt} of {Attempts}): {Problem}; retrying in {Delay} ms",
                    endpoint, attempt, attempts, lastProblem, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, time, ct);
            }
        }
        var elapsed = time.GetElapsedTime(started);
        throw new MessageBusUnavailableException(
            $"Redis at {endpoint} is unreachable after {attempts} attempts in {elapsed.TotalSeconds:0.0} s: {lastProblem}");
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: the base delay doubled each time, capped.</summary>
    public static TimeSpan RetryDelay(RedisBusOptions options, int attempt)
    {
        var doubled = options.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        return TimeSpan.FromMilliseconds(Math.Min(doubled, options.MaxRetryDelay.TotalMilliseconds));
    }

    // The client's own text goes on to advise connection-string options that do not apply here; its first sentence is the news.
    private static string Describe(Exception e)
    {
        var first = e.Message.Split('.', 2)[0].Split('\n', 2)[0].Trim();
        return e is RedisConnectionException connection ? $"{first} ({connection.FailureType})" : first;
    }

    private static string Mask(string text, string? password) =>
        string.IsNullOrEmpty(password) ? text : text.Replace(password, "***", StringComparison.Ordinal);
}
