using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Trading.Services.Configuration;

/// <summary>
/// Who may use the REST API and where it listens (TRADING_API_KEY, TRADING_API_PORT, TRADING_API_BIND). The key is compared
/// in constant time; without one configured, no key is accepted.
/// </summary>
public static class ApiAccess
{
    public const int MinimumKeyLength = 16;

    /// <summary>A presented key longer than this is refused unread (no configured key is near it).</summary>
    public const int MaximumKeyLength = 512;

    public static bool Accepts(TradingSettings settings, string? presented)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return !string.IsNullOrEmpty(settings.ApiKey) && Matches(KeyHash(settings.ApiKey), presented);
    }

    /// <summary>The SHA-256 of a key's UTF-8 bytes: what <see cref="Matches"/> compares against (hash it once, check many).</summary>
    public static byte[] KeyHash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>
    /// Whether <paramref name="presented"/> is the key hashed in <paramref name="expectedHash"/>, in constant time and without
    /// allocating: hashing first makes both sides one length, so the time is the same whatever was presented.
    /// </summary>
    public static bool Matches(ReadOnlySpan<byte> expectedHash, ReadOnlySpan<char> presented)
    {
        if (presented.IsEmpty || presented.Length > MaximumKeyLength) return false;
        Span<byte> utf8 = stackalloc byte[MaximumKeyLength * 3];
        var length = Encoding.UTF8.GetBytes(presented, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        return CryptographicOperations.FixedTimeEquals(expectedHash, hash);
    }

    /// <summary>The URL Kestrel binds, e.g. http://127.0.0.1:8080 (an IPv6 address in brackets).</summary>
    public static string ListenUrl(TradingSettings settings, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var address = IPAddress.Parse(settings.ApiBind);
        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://{host}:{port ?? settings.ApiPort}");
    }

    public static IEnumerable<ConfigProblem> Problems(TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ApiKey is { Length: < MinimumKeyLength })
            yield return new ConfigProblem(SettingKeys.ApiKey, $"TRADING_API_KEY must be at least {MinimumKeyLength} characters long");
        if (settings.ApiKey is { Length: > MaximumKeyLength })
            yield return new ConfigProblem(SettingKeys.ApiKey, $"TRADING_API_KEY must be at most {MaximumKeyLength} characters long");
        if (settings.ApiPort is < 0 or > 65535)
            yield return new ConfigProblem(SettingKeys.ApiPort, $"TRADING_API_PORT must be within 0..65535 (got {settings.ApiPort})");
        if (!IPAddress.TryParse(settings.ApiBind, out _))
            yield return new ConfigProblem(SettingKeys.ApiBind, $"TRADING_API_BIND must be an IP address such as 127.0.0.1 (got '{settings.ApiBind}')");
    }
}
