namespace Trading.Services.Configuration;

/// <summary>Light syntactic checks of the configured URLs. Messages show values with passwords masked.</summary>
public static class UrlRules
{
    public static string? CheckAbsolute(string key, string value, params string[] schemes)
    {
        var shown = SecretMasker.MaskConnection(value);
        var expected = string.Join(" or ", schemes.Select(s => s + "://"));
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
            return $"{key} must be a {expected} URL (got '{shown}')";
        return string.IsNullOrEmpty(uri.Host) ? $"{key} has no host (got '{shown}')" : null;
    }

    /// <summary>DATABASE_URL: the storage layer's own parser decides; its messages never repeat the value.</summary>
    public static string? CheckDatabaseUrl(string value)
    {
        try
        {
            Trading.Storage.PostgresConnectionString.FromUrl(value);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    /// <summary>REDIS_URL beyond its scheme (port, database, options): the bus's own parser decides; its messages never repeat the value.</summary>
    public static string? CheckRedisUrl(string value)
    {
        try
        {
            Trading.Messaging.Redis.RedisEndpoint.Parse(value);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}
