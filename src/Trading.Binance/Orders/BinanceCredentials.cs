using Trading.Binance.Signing;

namespace Trading.Binance.Orders;

/// <summary>An API key and what signs its requests: its HMAC secret, or an RSA or Ed25519 private key. ToString never shows either.</summary>
public sealed class BinanceCredentials
{
    public BinanceCredentials(string apiKey, string apiSecret)
        : this(apiKey, new BinanceSigner(string.IsNullOrWhiteSpace(apiSecret)
            ? throw new ArgumentException("The Binance API secret is empty.", nameof(apiSecret)) : apiSecret))
    {
        ApiSecret = apiSecret;
    }

    public BinanceCredentials(string apiKey, IBinanceRequestSigner signer)
    {
        if (string.IsNullOrWhiteSpace(apiKey)) throw new ArgumentException("The Binance API key is empty.", nameof(apiKey));
        ApiKey = apiKey;
        Signer = signer ?? throw new ArgumentNullException(nameof(signer));
    }

    public string ApiKey { get; }

    /// <summary>The HMAC secret; null for an RSA or Ed25519 key.</summary>
    public string? ApiSecret { get; }

    public IBinanceRequestSigner Signer { get; }

    public override string ToString() => "BinanceCredentials(***)";
}
