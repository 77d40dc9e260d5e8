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

    /// <summary>DATABASE_URL: a postgres:// or postgresql:// URL with a host and a database, or an Npgsql key=value string with a Host.</summary>
    public static string? CheckDatabaseUrl(string value)
    {
        const string key = SettingKeys.DatabaseUrl;
        if (value.Contains("://", StringComparison.Ordinal))
        {
            var problem = CheckAbsolute(key, value, "postgres", "postgresql");
            if (problem is not null) return problem;
            var uri = new Uri(value);
            return uri.AbsolutePath.Trim('/').Length == 0
                ? $"{key} names no database (expected postgresql://user:pass@host:5432/db, got '{SecretMasker.MaskConnection(value)}')"
                : null;
        }
        var pairs = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (pairs.Length == 0 || pairs.Any(p => p.IndexOf('=', StringComparison.Ordinal) <= 0))
            return $"{key} must be a postgresql:// URL or an Npgsql connection string of key=value pairs (got '{SecretMasker.MaskConnection(value)}')";
        var hasHost = pairs.Select(p => p[..p.IndexOf('=', StringComparison.Ordinal)].Trim())
            .Any(k => k.Equals("Host", StringComparison.OrdinalIgnoreCase) || k.Equals("Server", StringComparison.OrdinalIgnoreCase));
        return hasHost ? null : $"{key} connection string has no Host";
    }
}
