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

    public static bool Accepts(TradingSettings settings, string? presented)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrEmpty(settings.ApiKey) || string.IsNullOrEmpty(presented)) return false;
        return CryptographicOperations.FixedTimeEquals(Hash(settings.ApiKey), Hash(presented));
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
        if (settings.ApiPort is < 0 or > 65535)
            yield return new ConfigProblem(SettingKeys.ApiPort, $"TRADING_API_PORT must be within 0..65535 (got {settings.ApiPort})");
        if (!IPAddress.TryParse(settings.ApiBind, out _))
            yield return new ConfigProblem(SettingKeys.ApiBind, $"TRADING_API_BIND must be an IP address such as 127.0.0.1 (got '{settings.ApiBind}')");
    }

    // Hashing first makes both sides one length, so the comparison takes the same time whatever was presented.
    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
