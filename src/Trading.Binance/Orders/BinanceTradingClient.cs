using Microsoft.Extensions.Logging;
using Trading.Binance.Json;
using Trading.Binance.Signing;
using Trading.Core.Model;

namespace Trading.Binance.Orders;

/// <inheritdoc cref="IBinanceTradingClient"/>
public sealed partial class BinanceTradingClient : IBinanceTradingClient
{
    private const string OrderPath = "/api/v3/order";
    private readonly HttpClient _http;
    private readonly BinanceTradingOptions _options;
    private readonly SignedRequestSender _sender;

    /// <param name="logger">Gets the warning when a request has to wait for the request-weight budget.</param>
    public BinanceTradingClient(HttpClient http, BinanceCredentials credentials, BinanceTradingOptions options, BinanceServerClock? clock = null,
        ILogger? logger = null)
    {
        _http = http;
        _options = options;
        Clock = clock ?? new BinanceServerClock();
        _sender = new SignedRequestSender(http, credentials, options, Clock, logger);
    }

    public BinanceServerClock Clock { get; }

    public async Task<OrderPlacement> PlaceOrderAsync(NewOrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = OrderQuery(request);
        var sentAt = Clock.Time.GetTimestamp();
        try
        {
            var body = await SendOrderAsync(OrderPath, query, ct);
            return OrderPlacement.Placed(BinanceOrderJson.ReadOrder(body));
        }
        catch (BinanceTradingException rejected)
        {
            return OrderPlacement.Rejected(request.ClientOrderId, rejected);
        }
        catch (Errors.BinanceBannedException banned)
        {
            // A 418, or a ban still running, means the order was certainly not placed.
            return OrderPlacement.Rejected(request.ClientOrderId, new BinanceTradingException(418, 0, banned.Message, $"POST {OrderPath}"));
        }
        catch (BinanceOutcomeUnknownException unknown)
        {
            return await ResolveUnknownAsync(request, unknown, sentAt, ct);
        }
        catch (Errors.BinanceMalformedResponseException malformed)
        {
            var unknown = new BinanceOutcomeUnknownException("POST /api/v3/order", "the 2xx answer could not be read", malformed);
            return await ResolveUnknownAsync(request, unknown, sentAt, ct);
        }
    }

    /// <summary>The parameters of a new order (POST /api/v3/order, and the new half of order/cancelReplace), FULL answer.</summary>
    private static BinanceQueryString OrderQuery(NewOrderRequest request)
    {
        var query = new BinanceQueryString()
            .Add("symbol", request.Symbol.Name)
            .Add("side", request.Side == OrderSide.Buy ? "BUY" : "SELL")
            .Add("type", request.BinanceType);
        if (request.StopPrice is { } stop) query.Add("stopPrice", stop);
        if (request.Type == OrderType.Limit) query.Add("timeInForce", request.TimeInForce.ToString().ToUpperInvariant());
        if (request.Type == OrderType.Market && request.QuoteOrderQty is { } quote) query.Add("quoteOrderQty", quote);
        else query.Add("quantity", request.Quantity);
        return query.Add("price", request.Type == OrderType.Limit ? request.Price : null)
            .Add("newClientOrderId", request.ClientOrderId).Add("newOrderRespType", "FULL");
    }

    public Task<ExchangeOrder?> QueryOrderAsync(Symbol symbol, string clientOrderId, CancellationToken ct = default) =>
        QueryAsync(new BinanceQueryString().Add("symbol", symbol.Name).Add("origClientOrderId", clientOrderId), ct);

    public Task<ExchangeOrder?> QueryOrderAsync(Symbol symbol, long orderId, CancellationToken ct = default) =>
        QueryAsync(new BinanceQueryString().Add("symbol", symbol.Name).Add("orderId", orderId), ct);

    public async Task<ExchangeOrder> CancelOrderAsync(Symbol symbol, string clientOrderId, CancellationToken ct = default)
    {
        var query = new BinanceQueryString().Add("symbol", symbol.Name).Add("origClientOrderId", clientOrderId);
        return BinanceOrderJson.ReadOrder(await SendAsync(HttpMethod.Delete, OrderPath, query, 1, ct));
    }

    public async Task<IReadOnlyList<ExchangeOrder>> GetOpenOrdersAsync(Symbol? symbol = null, CancellationToken ct = default)
    {
        var query = new BinanceQueryString().Add("symbol", symbol?.Name);
        return BinanceOrderJson.ReadOrders(await SendAsync(HttpMethod.Get, "/api/v3/openOrders", query, symbol is null ? 80 : 6, ct));
    }

    public async Task<IReadOnlyList<ExchangeOrder>> CancelAllAsync(Symbol symbol, CancellationToken ct = default)
    {
        try
        {
            var body = await SendAsync(HttpMethod.Delete, "/api/v3/openOrders", new BinanceQueryString().Add("symbol", symbol.Name), 1, ct);
            return BinanceOrderJson.ReadOrders(body);
        }
        catch (BinanceTradingException ex) when (ex.Kind == BinanceErrorKind.UnknownOrder)
        {
            return [];
        }
    }

    public async Task<IReadOnlyList<ExchangeFill>> GetOrderTradesAsync(Symbol symbol, long orderId, CancellationToken ct = default)
    {
        var query = new BinanceQueryString().Add("symbol", symbol.Name).Add("orderId", orderId);
        return BinanceOrderJson.ReadTrades(await SendAsync(HttpMethod.Get, "/api/v3/myTrades", query, 5, ct));
    }

    public async Task<ExchangeAccount> GetAccountAsync(CancellationToken ct = default) =>
        BinanceOrderJson.ReadAccount(await SendAsync(HttpMethod.Get, "/api/v3/account", new BinanceQueryString().Add("omitZeroBalances", "false"), 20, ct));

    public async Task<TimeSpan> SyncClockAsync(CancellationToken ct = default)
    {
        var before = Clock.Time.GetUtcNow();
        var body = await _http.GetByteArrayAsync(new Uri(_options.BaseUrl, "/api/v3/time"), ct);
        var after = Clock.Time.GetUtcNow();
        var dto = System.Text.Json.JsonSerializer.Deserialize(body, BinanceJsonContext.Default.ServerTimeDto)
            ?? throw new Errors.BinanceMalformedResponseException("Malformed Binance time payload: empty body.");
        var offset = DateTimeOffset.FromUnixTimeMilliseconds(dto.ServerTime) - (before + (after - before) / 2);
        Clock.Offset = offset;
        return offset;
    }

    private async Task<ExchangeOrder?> QueryAsync(BinanceQueryString query, CancellationToken ct)
    {
        try
        {
            return BinanceOrderJson.ReadOrder(await SendAsync(HttpMethod.Get, OrderPath, query, 4, ct));
        }
        catch (BinanceTradingException ex) when (ex.Kind == BinanceErrorKind.OrderDoesNotExist)
        {
            return null;
        }
    }

    /// <summary>
    /// The placement's answer was lost: ask for the order by its client id, a bounded number of times, never resend it.
    /// "Not found" proves it was not placed only once the recvWindow has passed (later the exchange would refuse it).
    /// </summary>
    private async Task<OrderPlacement> ResolveUnknownAsync(NewOrderRequest request, BinanceOutcomeUnknownException unknown, long sentAt, CancellationToken ct)
    {
        var delay = _options.UnknownOutcomeQueryDelay;
        var cause = unknown.Cause;
        for (var attempt = 1; attempt <= _options.UnknownOutcomeQueries; attempt++)
        {
            var windowPassed = Clock.Time.GetElapsedTime(sentAt) > TimeSpan.FromMilliseconds(_options.RecvWindowMs);
            try
            {
                var order = await QueryOrderAsync(request.Symbol, request.ClientOrderId, ct);
                if (order is not null) return OrderPlacement.Placed(order, byQuery: true);
                if (windowPassed)
                    return new OrderPlacement(PlacementOutcome.NotPlaced, request.ClientOrderId,
                        Reason: $"The placement answer was lost ({unknown.Cause}); {attempt} queries found no order {request.ClientOrderId}.",
                        WasResolvedByQuery: true);
                cause = "order not found yet";
            }
            catch (BinanceOutcomeUnknownException again)
            {
                cause = again.Cause;
            }
            await Task.Delay(delay, Clock.Time, ct);
            delay += delay;
        }
        return new OrderPlacement(PlacementOutcome.Unknown, request.ClientOrderId,
            Reason: $"The placement answer was lost ({unknown.Cause}) and {_options.UnknownOutcomeQueries} queries did not tell (last: {cause}).");
    }

    /// <summary>
    /// POST /api/v3/order (or order/cancelReplace). A -1015 (too many new orders) certainly placed nothing: the order-count budget holds the next
    /// attempt until the window the server named in Retry-After has passed, then it is sent again, a bounded number of times.
    /// </summary>
    private async Task<byte[]> SendOrderAsync(string path, BinanceQueryString query, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendAsync(HttpMethod.Post, path, query, 1, ct, isOrder: true);
            }
            catch (BinanceTradingException ex) when (ex.Code == TooManyOrdersCode && attempt < _options.OrderRateLimitAttempts)
            {
                // Retry-After already blocks the budget; the loop's next send waits for it.
            }
        }
    }

    private const int TooManyOrdersCode = -1015;

    private async Task<byte[]> SendAsync(HttpMethod method, string path, BinanceQueryString query, int weight, CancellationToken ct, bool isOrder = false)
    {
        try
        {
            return await _sender.SendAsync(method, path, query, weight, ct, isOrder);
        }
        catch (BinanceTradingException ex) when (ex.Kind == BinanceErrorKind.InvalidTimestamp && _options.ResyncClockOnTimestampError)
        {
            await SyncClockAsync(ct);
            return await _sender.SendAsync(method, path, query, weight, ct, isOrder);
        }
    }
}
