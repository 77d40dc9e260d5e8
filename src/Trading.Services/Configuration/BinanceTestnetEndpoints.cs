namespace Trading.Services.Configuration;

/// <summary>The Binance spot testnet endpoints: the defaults when TRADING_MODE=testnet and no URL is set explicitly.</summary>
public static class BinanceTestnetEndpoints
{
    public const string BaseUrl = "https://testnet.binance.vision";
    public const string WsUrl = "wss://stream.testnet.binance.vision";
    public const string WsApiUrl = "wss://ws-api.testnet.binance.vision/ws-api/v3";
}
