using Microsoft.Extensions.Logging;
using Trading.Binance.Execution;
using Trading.Binance.Orders;
using Trading.Binance.UserData;
using Trading.Services.Configuration;

namespace Trading.Services.Execution;

/// <summary>
/// Builds the <see cref="BinanceVenue"/> for testnet or live from BINANCE_BASE_URL and BINANCE_WS_API_URL (the settings default
/// them to the spot testnet in testnet mode), BINANCE_API_KEY and BINANCE_API_SECRET or BINANCE_PRIVATE_KEY_PATH (RSA or Ed25519,
/// see <see cref="ApiKeySigner"/>), with its user data stream (not started).
/// </summary>
public static class BinanceVenueFactory
{
    /// <summary>The venue, or a one-line problem (missing key or secret, bad URL). Never shows the key or secret.</summary>
    /// <param name="logger">The trading client's: warns when a request waits for the request-weight budget.</param>
    public static bool TryCreate(TradingSettings settings, ExecutionMode mode, HttpClient http, TimeProvider time,
        out BinanceVenue? venue, out string? problem, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        venue = null;
        problem = null;
        if (ApiKeySigner.TryCreate(settings, out var keyProblem) is not { } credentials)
        {
            problem = $"{mode} trading {keyProblem}";
            return false;
        }
        if (!Uri.TryCreate(settings.BinanceBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            problem = $"BINANCE_BASE_URL is not an http(s) URL: {settings.BinanceBaseUrl}";
            return false;
        }
        if (!Uri.TryCreate(settings.BinanceWsApiUrl, UriKind.Absolute, out var wsApiUrl) || wsApiUrl.Scheme is not ("ws" or "wss"))
        {
            problem = $"BINANCE_WS_API_URL is not a ws(s) URL: {settings.BinanceWsApiUrl}";
            return false;
        }
        var client = new BinanceTradingClient(http, credentials, new BinanceTradingOptions { BaseUrl = baseUrl }, logger: logger);
        venue = new BinanceVenue(client, time, mode == ExecutionMode.Live ? "binance-live" : "binance-testnet")
        {
            UserData = new BinanceUserDataStream(credentials, new UserDataStreamOptions { WebSocketApiUrl = wsApiUrl }, client.Clock),
            MarketData = new Binance.BinanceMarketDataClient(http, new Binance.BinanceClientOptions { BaseUrl = baseUrl }, time, logger),
        };
        return true;
    }
}
