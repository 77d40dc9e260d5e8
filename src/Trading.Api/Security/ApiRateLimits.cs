using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Trading.Api.Hosting;
using Trading.Services.Configuration;

namespace Trading.Api.Security;

/// <summary>
/// One global limiter, partitioned by who asks: requests without a valid key per client address (so a key cannot be guessed),
/// actions (POST, DELETE) per minute, and reads per second. Refusals are 429 problem+json with Retry-After.
/// </summary>
public static class ApiRateLimits
{
    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, ApiOptions options, TradingSettings settings)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options, settings));
            limiter.OnRejected = async (rejected, ct) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests", "the rate limit is reached; retry later");
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, ApiOptions options, TradingSettings settings)
    {
        if (context.Request.Path.Value == PublicPaths.Liveness) return RateLimitPartition.GetNoLimiter("liveness");
        if (!ApiKeyMiddleware.HasValidKey(context, settings))
        {
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter("anonymous:" + client, _ => Window(options.AnonymousPerMinute, TimeSpan.FromMinutes(1)));
        }
        if (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method))
            return RateLimitPartition.GetFixedWindowLimiter("actions", _ => Window(options.ActionsPerMinute, TimeSpan.FromMinutes(1)));
        return RateLimitPartition.GetTokenBucketLimiter("reads", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.ReadsPerSecond,
            TokensPerPeriod = options.ReadsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0 };
}
