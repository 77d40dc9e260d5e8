using Npgsql;

namespace Trading.Storage;

/// <summary>
/// Turns DATABASE_URL into an Npgsql connection string. Accepts postgresql://user:pass@host:5432/db?sslmode=require,
/// postgres://..., or a plain Npgsql connection string. Errors never repeat the value, which may hold a password.
/// </summary>
public static class PostgresConnectionString
{
    private static readonly Dictionary<string, string> QueryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
        ["search_path"] = "Search Path",
        ["pooling"] = "Pooling",
        ["maximum_pool_size"] = "Maximum Pool Size",
        ["command_timeout"] = "Command Timeout",
    };

    public static string FromUrl(string value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw Error("it is empty");
        var text = value.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0) return FromUri(text, text[..schemeEnd]);
        if (text.Contains('=', StringComparison.Ordinal)) return FromKeyValues(text);
        throw Error("expected postgresql://user:pass@host:5432/db or an Npgsql connection string such as Host=...;Database=...");
    }

    /// <summary>A printable name for the database, such as postgresql://db.example:5432/trading, never with credentials.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static string FromUri(string text, string scheme)
    {
        if (scheme is not ("postgresql" or "postgres"))
            throw Error($"unsupported scheme '{(scheme.Length <= 20 ? scheme : scheme[..20])}', expected postgresql:// or postgres://");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw Error("it is not a valid URL of the form postgresql://user:pass@host:5432/db");
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (!uri.IsDefaultPort)
        {
            if (uri.Port is < 1 or > 65535) throw Error("the port must be within 1..65535");
            builder.Port = uri.Port;
        }
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Contains('/', StringComparison.Ordinal)) throw Error("the database name must not contain '/'");
        if (database.Length > 0) builder.Database = database;
        ApplyQuery(builder, uri.Query);
        return builder.ConnectionString;
    }

    private static void ApplyQuery(NpgsqlConnectionStringBuilder builder, string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var setting = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!QueryKeys.TryGetValue(key, out var npgsqlKey))
                throw Error($"unsupported query option '{key}' (supported: {string.Join(", ", QueryKeys.Keys)})");
            if (npgsqlKey == "SSL Mode") setting = setting.Replace("-", "", StringComparison.Ordinal);
            try
            {
                builder[npgsqlKey] = setting;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                throw Error($"the value of query option '{key}' is not valid");
            }
        }
    }

    private static string FromKeyValues(string text)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw Error("it is not a valid Npgsql connection string (check the keys and the Host=...;Database=... format)");
        }
        if (string.IsNullOrWhiteSpace(builder.Host)) throw Error("the connection string has no Host");
        return builder.ConnectionString;
    }

    private static FormatException Error(string problem) => new($"DATABASE_URL is malformed: {problem}.");
}
