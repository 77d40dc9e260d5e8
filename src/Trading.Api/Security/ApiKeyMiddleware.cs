using Microsoft.AspNetCore.Http;
using Trading.Services.Configuration;

namespace Trading.Api.Security;

/// <summary>
/// Refuses every request without the key (401 problem+json), except <see cref="PublicPaths"/>. The key comes in X-API-Key,
/// or as a bearer token (what Prometheus sends for /metrics), and is compared in constant time (<see cref="ApiAccess"/>).
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, TradingSettings settings)
{
    public const string HeaderName = "X-API-Key";

    private static readonly object CheckedKey = new();

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PublicPaths.IsPublic(context.Request.Path) || HasValidKey(context, settings))
        {
            await next(context);
            return;
        }
        context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        var detail = string.IsNullOrEmpty(settings.ApiKey)
            ? "the API has no key configured: set TRADING_API_KEY and send it in the X-API-Key header"
            : "a valid key is required in the X-API-Key header";
        await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    /// <summary>Whether the request carries the key; checked once per request (the rate limiter asks first).</summary>
    public static bool HasValidKey(HttpContext context, TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(CheckedKey, out var known)) return (bool)known!;
        var valid = ApiAccess.Accepts(settings, PresentedKey(context.Request));
        context.Items[CheckedKey] = valid;
        return valid;
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var key)) return key.ToString();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
