using System.Security.Cryptography;
using System.Text;

namespace Trading.Services.Execution;

/// <summary>
/// The client order id of a signal's order: "t" and 32 hex digits of SHA-256 over the signal id. It is
/// deterministic (a retry or a restart derives the same id, so the venue and the store recognise the order)
/// and always matches Binance's ^[a-zA-Z0-9-_]{1,36}$.
/// </summary>
public static class ClientOrderIds
{
    public static string FromSignal(string signalId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signalId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(signalId), hash);
        return "t" + Convert.ToHexStringLower(hash[..16]);
    }

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 36 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
