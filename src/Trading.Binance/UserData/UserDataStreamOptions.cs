namespace Trading.Binance.UserData;

public sealed record UserDataStreamOptions
{
    /// <summary>The WebSocket API endpoint, e.g. wss://ws-api.binance.com:443/ws-api/v3 (TradingSettings.BinanceWsApiUrl).</summary>
    public Uri WebSocketApiUrl { get; init; } = new("wss://ws-api.binance.com:443/ws-api/v3");

    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for the connect and the subscribe answer.</summary>
    public TimeSpan SubscribeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public int RecvWindowMs { get; init; } = 5000;
}
