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
/// actions (POST, DELETE) per minute, and reads per second. Refusals are 429 problem+json with Retry-After. The keyed
/// partitions are built once, so a request with the key allocates nothing here.
/// </summary>
public static class ApiRateLimits
{
    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, ApiOptions options, TradingSettings settings)
    {
        var keys = new ApiKeyCheck(settings);
        services.AddSingleton(keys);
        var liveness = RateLimitPartition.GetNoLimiter("liveness");
        var actions = RateLimitPartition.GetFixedWindowLimiter("actions", _ => Window(options.ActionsPerMinute, TimeSpan.FromMinutes(1)));
        var reads = RateLimitPartition.GetTokenBucketLimiter("reads", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.ReadsPerSecond,
            TokensPerPeriod = options.ReadsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Request.Path.Value == PublicPaths.Liveness) return liveness;
                if (!keys.IsValid(context)) return Anonymous(context, options);
                return HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method) ? actions : reads;
            });
            limiter.OnRejected = async (rejected, ct) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests", "the rate limit is reached; retry later");
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Anonymous(HttpContext context, ApiOptions options)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter("anonymous:" + client, _ => Window(options.AnonymousPerMinute, TimeSpan.FromMinutes(1)));
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0 };
}
