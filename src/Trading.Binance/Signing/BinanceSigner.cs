using System.Security.Cryptography;
using System.Text;

namespace Trading.Binance.Signing;

/// <summary>
/// Signs Binance requests. REST: HMAC-SHA256 over exactly the percent-encoded bytes sent (query string then body,
/// no separator). WebSocket API: HMAC-SHA256 over the parameters sorted by name, joined unencoded.
/// </summary>
public sealed class BinanceSigner : IBinanceRequestSigner
{
    private readonly byte[] _secret;

    public BinanceSigner(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret)) throw new ArgumentException("The Binance API secret is empty.", nameof(secret));
        _secret = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>Lower-case hex HMAC-SHA256 of <paramref name="payload"/>.</summary>
    public string Sign(string payload)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(payload), hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Signs a REST request whose parameters are split between query string and body.</summary>
    public string SignRest(string queryString, string body = "") => Sign(queryString + body);

    /// <summary>Signs WebSocket API params (apiKey included, signature excluded), sorted by name and not percent-encoded.</summary>
    public string SignWebSocket(IEnumerable<KeyValuePair<string, string>> parameters) =>
        Sign(WebSocketPayload(parameters));

    public static string WebSocketPayload(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Where(p => p.Key != "signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
}
