using System.Text.RegularExpressions;

namespace Trading.Services.Configuration;

/// <summary>Masks secrets for display: API keys show nothing of themselves, URLs and connection strings lose their passwords.</summary>
public static partial class SecretMasker
{
    public const string Masked = "****";

    /// <summary>Shows only whether a secret is set: not a single character of it.</summary>
    public static string MaskSecret(string? secret) => string.IsNullOrEmpty(secret) ? "" : Masked;

    /// <summary>Replaces the password in a URL (<c>scheme://user:pass@host</c>) or a key=value connection string.</summary>
    public static string MaskConnection(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var masked = UrlPassword().Replace(text, m => m.Groups["prefix"].Value + Masked + "@");
        masked = RedisUserOnly().Replace(masked, m => m.Groups["prefix"].Value + Masked + "@");
        return KeyValuePassword().Replace(masked, m => m.Groups["key"].Value + "=" + Masked);
    }

    [GeneratedRegex(@"(?<prefix>[A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s]*:)[^\s]*@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<prefix>rediss?://)(?!\*\*\*\*@)[^:/@\s]+@", RegexOptions.IgnoreCase)]
    private static partial Regex RedisUserOnly();

    [GeneratedRegex(@"(?<key>\b(?:password|pwd))\s*=\s*(?:""[^""]*""|'[^']*'|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValuePassword();
}
