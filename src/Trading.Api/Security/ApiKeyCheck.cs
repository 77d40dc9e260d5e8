using Microsoft.AspNetCore.Http;
using Trading.Services.Configuration;

namespace Trading.Api.Security;

/// <summary>
/// Whether a request carries TRADING_API_KEY (in X-API-Key, or as a bearer token, which Prometheus sends), compared in
/// constant time against the key's hash taken once, without allocating; answered once per request (the rate limiter asks
/// before <see cref="ApiKeyMiddleware"/>).
/// </summary>
public sealed class ApiKeyCheck(TradingSettings settings)
{
    public const string HeaderName = "X-API-Key";

    private const string Bearer = "Bearer ";
    private static readonly object CheckedKey = new();
    private static readonly object Valid = true;
    private static readonly object Invalid = false;

    private readonly byte[]? _keyHash = string.IsNullOrEmpty(settings.ApiKey) ? null : ApiAccess.KeyHash(settings.ApiKey);

    public bool HasKeyConfigured => _keyHash is not null;

    public bool IsValid(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(CheckedKey, out var known)) return (bool)known!;
        var valid = _keyHash is not null && ApiAccess.Matches(_keyHash, PresentedKey(context.Request));
        context.Items[CheckedKey] = valid ? Valid : Invalid;
        return valid;
    }

    private static ReadOnlySpan<char> PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var key)) return key.ToString();
        var authorization = request.Headers.Authorization.ToString().AsSpan();
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : [];
    }
}
