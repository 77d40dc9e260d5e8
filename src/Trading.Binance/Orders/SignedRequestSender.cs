using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Trading.Binance.Errors;
using Trading.Binance.Json;
using Trading.Binance.RateLimiting;
using Trading.Binance.Signing;

namespace Trading.Binance.Orders;

/// <summary>
/// Sends one signed request, once: timestamp from the server clock, recvWindow, the key in X-MBX-APIKEY and the signature
/// last, computed over exactly the bytes sent (query string for GET/DELETE, form body for POST). No retries here.
/// </summary>
internal sealed class SignedRequestSender(HttpClient http, BinanceCredentials credentials, BinanceTradingOptions options, BinanceServerClock clock,
    ILogger? logger)
{
    public BinanceRequestBudget Budget { get; } = BinanceRequestBudget.For(options.BaseUrl);

    /// <summary>
    /// The body of a 2xx answer. Throws <see cref="BinanceTradingException"/> when Binance rejected the request,
    /// <see cref="BinanceOutcomeUnknownException"/> when it may have been executed.
    /// </summary>
    public async Task<byte[]> SendAsync(HttpMethod method, string path, BinanceQueryString parameters, int weight, CancellationToken ct, bool isOrder = false)
    {
        var operation = $"{method.Method} {path}";
        // The budgets first: a request that waited for them is stamped when it leaves, not before the wait.
        if (isOrder) await Budget.AcquireOrderAsync(clock.Time, ct, logger);
        await Budget.AcquireAsync(weight, clock.Time, ct, logger);
        var query = new BinanceQueryString();
        foreach (var (name, value) in parameters.Parameters) query.Add(name, value);
        query.Add("recvWindow", (long)options.RecvWindowMs).Add("timestamp", clock.NowMs);
        var payload = query.ToString();
        // RSA and Ed25519 signatures are base64: '+', '/' and '=' are percent-encoded on the wire (hex HMAC is unchanged).
        var signed = $"{payload}&signature={Uri.EscapeDataString(credentials.Signer.Sign(payload))}";

        using var request = new HttpRequestMessage(method, method == HttpMethod.Post
            ? new Uri(options.BaseUrl, path)
            : new Uri(options.BaseUrl, $"{path}?{signed}"));
        if (method == HttpMethod.Post)
            request.Content = new ByteArrayContent(Encoding.ASCII.GetBytes(signed)) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } };
        request.Headers.Add("X-MBX-APIKEY", credentials.ApiKey);

        using var timeout = new CancellationTokenSource(options.RequestTimeout, clock.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            body = await response.Content.ReadAsByteArrayAsync(linked.Token);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new BinanceOutcomeUnknownException(operation, $"no answer within {options.RequestTimeout.TotalSeconds:0.###}s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new BinanceOutcomeUnknownException(operation, $"connection failed: {ex.Message}", ex);
        }
        using (response)
        {
            ObserveWeight(response);
            return Classify(operation, response, body);
        }
    }

    private byte[] Classify(string operation, HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode) return body;
        var error = BinanceErrorBody.ToException(status, body) as BinanceApiException;
        if (status >= 500)
            throw new BinanceOutcomeUnknownException(operation, $"HTTP {status}{(error is { Code: not 0 } ? $" code {error.Code}" : "")}");
        if (status == 418)
        {
            // Every client of this server stops until the ban ends: a request sent during a ban lengthens it.
            var bannedUntil = clock.Time.GetUtcNow() + (response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMinutes(2));
            Budget.BanUntil(bannedUntil);
            throw new BinanceBannedException(bannedUntil);
        }
        if (status == 429) Budget.BlockUntil(clock.Time.GetUtcNow() + (response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1)));
        if (error is null || error.Code == 0)
            throw new BinanceTradingException(status, 0, error?.BinanceMessage ?? $"HTTP {status}", operation);
        if (BinanceOutcomeUnknownException.IsUnknownCode(error.Code))
            throw new BinanceOutcomeUnknownException(operation, $"code {error.Code}: {error.BinanceMessage}");
        throw new BinanceTradingException(status, error.Code, error.BinanceMessage, operation) { Body = body };
    }

    private void ObserveWeight(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-MBX-USED-WEIGHT-1M", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var used))
            Budget.ObserveUsedWeight(used, clock.Time.GetUtcNow());
        if (response.Headers.TryGetValues("X-MBX-ORDER-COUNT-10S", out var orders)
            && int.TryParse(orders.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            Budget.Orders.Observe(count, clock.Time.GetUtcNow());
    }
}
