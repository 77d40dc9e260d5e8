using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Trading.Services.Observability;

/// <summary>
/// Times every Binance REST request (<c>exchange_request_duration_seconds</c>) and counts the failed ones
/// (<c>exchange_errors_total{code}</c>): the Binance error code of the body when it has one, else the HTTP status, else "network".
/// </summary>
public sealed class ExchangeMetricsHandler : DelegatingHandler
{
    public ExchangeMetricsHandler(HttpMessageHandler inner) : base(inner)
    {
    }

    /// <summary>An HttpClient whose requests are measured, for the Binance clients.</summary>
    public static HttpClient CreateClient(TimeSpan? timeout = null)
    {
        var client = new HttpClient(new ExchangeMetricsHandler(new SocketsHttpHandler()));
        if (timeout is { } t) client.Timeout = t;
        return client;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) Failed(await ErrorCodeAsync(response, cancellationToken));
            return response;
        }
        catch (HttpRequestException)
        {
            Failed("network");
            throw;
        }
        finally
        {
            TradingMetrics.ExchangeRequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private static void Failed(string code) => TradingMetrics.ExchangeErrors.Add(1, TradingMetrics.Tag("code", code));

    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        try
        {
            await response.Content.LoadIntoBufferAsync(ct);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("code", out var code)
                && code.TryGetInt32(out var number)
                ? number.ToString(CultureInfo.InvariantCulture)
                : status;
        }
        catch (JsonException)
        {
            return status;
        }
    }
}
