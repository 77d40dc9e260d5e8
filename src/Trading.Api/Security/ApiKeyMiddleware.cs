using Microsoft.AspNetCore.Http;

namespace Trading.Api.Security;

/// <summary>
/// Refuses every request without the key (401 problem+json), except <see cref="PublicPaths"/>. The key comes in X-API-Key,
/// or as a bearer token (what Prometheus sends for /metrics), and is compared in constant time (<see cref="ApiKeyCheck"/>).
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyCheck keys)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (keys.IsValid(context) || PublicPaths.IsPublic(context.Request.Path)) return next(context);
        context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiKeyCheck.HeaderName}\"";
        var detail = keys.HasKeyConfigured
            ? "a valid key is required in the X-API-Key header"
            : "the API has no key configured: set TRADING_API_KEY and send it in the X-API-Key header";
        return Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }
}
