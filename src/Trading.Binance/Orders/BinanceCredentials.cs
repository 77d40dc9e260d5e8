namespace Trading.Binance.Orders;

/// <summary>An API key and its HMAC secret. ToString never shows either.</summary>
public sealed class BinanceCredentials
{
    public BinanceCredentials(string apiKey, string apiSecret)
    {
        if (string.IsNullOrWhiteSpace(apiKey)) throw new ArgumentException("The Binance API key is empty.", nameof(apiKey));
        if (string.IsNullOrWhiteSpace(apiSecret)) throw new ArgumentException("The Binance API secret is empty.", nameof(apiSecret));
        ApiKey = apiKey;
        ApiSecret = apiSecret;
    }

    public string ApiKey { get; }

    public string ApiSecret { get; }

    public override string ToString() => "BinanceCredentials(***)";
}
