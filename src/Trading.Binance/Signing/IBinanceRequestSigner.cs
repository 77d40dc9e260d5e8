namespace Trading.Binance.Signing;

/// <summary>Signs the exact payload of a Binance request with the account's key: HMAC-SHA256 (hex), RSA or Ed25519 (base64).</summary>
public interface IBinanceRequestSigner
{
    /// <summary>The signature as Binance expects it, before percent-encoding for the wire.</summary>
    string Sign(string payload);
}
