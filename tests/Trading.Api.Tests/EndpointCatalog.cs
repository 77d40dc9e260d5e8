namespace Trading.Api.Tests;

/// <summary>Every route of the API but liveness, with a well-formed body for each action.</summary>
public static class EndpointCatalog
{
    public static readonly (string Method, string Path, string? Body)[] Reads =
    [
        ("GET", "/health/ready", null), ("GET", "/status", null), ("GET", "/bots", null), ("GET", "/positions", null),
        ("GET", "/balances", null), ("GET", "/portfolio", null), ("GET", "/orders?status=open", null), ("GET", "/trades", null),
        ("GET", "/signals", null), ("GET", "/risk-decisions", null), ("GET", "/portfolio/history?days=7", null),
        ("GET", "/backtests", null), ("GET", "/backtests/bt-1", null), ("GET", "/candles?symbol=BTCUSDT&timeframe=1m", null),
        ("GET", "/strategies", null), ("GET", "/regimes", null), ("GET", "/events", null), ("GET", "/metrics", null),
        // Refused before the venue is asked (limit 0), so no test reaches the network; FuturesEndpointsTests read the simulator.
        ("GET", "/futures/funding?limit=0", null),
    ];

    public static readonly (string Method, string Path, string? Body)[] Actions =
    [
        ("POST", "/bots", """{"strategy":"rsi","symbols":["BTCUSDT"],"timeframe":"1m"}"""),
        ("DELETE", "/bots/some-bot", null),
        ("POST", "/kill-switch", """{"reason":"test"}"""),
        ("DELETE", "/kill-switch", null),
        ("POST", "/orders", """{"symbol":"BTCUSDT","side":"BUY","quantity":0.001}"""),
        ("POST", "/backtests", """{"strategy":"rsi","symbol":"BTCUSDT","timeframe":"1m","from":"2024-01-01T00:00:00Z","to":"2024-01-02T00:00:00Z"}"""),
    ];

    public static readonly string[] PostPaths = ["/bots", "/kill-switch", "/orders", "/backtests"];

    public static HttpRequestMessage Request(string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return request;
    }
}
