using System.Text;
using NSec.Cryptography;

namespace Trading.Binance.Signing;

/// <summary>Ed25519 API keys (Binance's recommendation): the signature of the UTF-8 payload, base64.</summary>
public sealed class Ed25519BinanceSigner : IBinanceRequestSigner, IDisposable
{
    private readonly Key _key;

    /// <param name="seed">The 32-byte private key (RFC 8032 seed).</param>
    public Ed25519BinanceSigner(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32) throw new ArgumentException("An Ed25519 private key is 32 bytes.", nameof(seed));
        _key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
    }

    public string Sign(string payload) => Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(payload)));

    public void Dispose() => _key.Dispose();
}
