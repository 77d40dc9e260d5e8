using System.Globalization;
using StackExchange.Redis;

namespace Trading.Messaging.Redis;

/// <summary>
/// Where the Redis Streams bus connects, parsed from REDIS_URL: <c>redis://[[user]:password@]host[:port][/db]</c>, or
/// <c>rediss://</c> for TLS. Errors never repeat the value, and <see cref="ToString"/> never shows the password.
/// </summary>
public sealed record RedisEndpoint(string Host, int Port, int Database, string? User, string? Password, bool UseTls)
{
    public const int DefaultPort = 6379;
    private const string Form = "redis://[:password@]host[:port][/db]";

    public static RedisEndpoint Parse(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) throw Error("it is empty");
        var text = url.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "" : text[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("redis" or "rediss")) throw Error($"expected {Form} (or rediss:// for TLS)");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw Error($"it is not a valid URL of the form {Form}");
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0) throw Error("query options are not supported");
        var port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port;
        if (port is < 1 or > 65535) throw Error("the port must be within 1..65535");
        var (user, password) = Credentials(uri.UserInfo);
        return new RedisEndpoint(uri.Host.Trim('[', ']'), port, ParseDatabase(uri.AbsolutePath), user, password, scheme == "rediss");
    }

    public ConfigurationOptions ToConfiguration(TimeSpan connectTimeout)
    {
        var options = new ConfigurationOptions
        {
            User = User,
            Password = Password,
            DefaultDatabase = Database,
            Ssl = UseTls,
            ClientName = "trading",
            AbortOnConnectFail = true,
            ConnectRetry = 1,
            ConnectTimeout = (int)connectTimeout.TotalMilliseconds,
            // After a restart of the server, try again soon: subscribers wait on the connection.
            ReconnectRetryPolicy = new ExponentialRetry(250, 5_000),
        };
        options.EndPoints.Add(Host, Port);
        if (UseTls) options.SslHost = Host;
        return options;
    }

    /// <summary>The address without credentials, for logs and errors.</summary>
    public override string ToString() => $"{(UseTls ? "rediss" : "redis")}://{Host}:{Port}/{Database}";

    private static (string? User, string? Password) Credentials(string userInfo)
    {
        if (userInfo.Length == 0) return (null, null);
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        var password = colon < 0 ? null : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        return (user.Length == 0 ? null : user, string.IsNullOrEmpty(password) ? null : password);
    }

    private static int ParseDatabase(string path)
    {
        var text = path.Trim('/');
        if (text.Length == 0) return 0;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var database))
            throw Error("the database after the '/' must be a number such as /0");
        return database;
    }

    private static FormatException Error(string problem) => new($"REDIS_URL is malformed: {problem}.");
}
