using Microsoft.Extensions.Logging;
using Trading.Binance.Json;
using Trading.Binance.Orders;
using Trading.Binance.Signing;
using Trading.Core.Futures;
using Trading.Core.Model;
using static Trading.Binance.Futures.FuturesJsonReader;

namespace Trading.Binance.Futures;

/// <summary>
/// The USDⓈ-M REST API (/fapi on fapi.binance.com, the testnet or the simulator), signed exactly as on spot by the same
/// <see cref="SignedRequestSender"/>: market data, settings (position mode, margin type, leverage), orders, positions,
/// account, balance, brackets and income. A refusal is a <see cref="BinanceTradingException"/> with Binance's code.
/// </summary>
public sealed class BinanceFuturesClient
{
    public const string MainnetUrl = "https://fapi.binance.com";
    public const string TestnetUrl = "https://testnet.binancefuture.com";
    private const int NoNeedToChangeMarginType = -4046;
    private const int NoNeedToChangePositionSide = -4059;
    private readonly HttpClient _http;
    private readonly BinanceTradingOptions _options;
    private readonly SignedRequestSender _sender;

    public BinanceFuturesClient(HttpClient http, BinanceCredentials credentials, BinanceTradingOptions options, BinanceServerClock? clock = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        Clock = clock ?? new BinanceServerClock();
        _sender = new SignedRequestSender(http, credentials, options, Clock, logger);
    }

    public BinanceServerClock Clock { get; }

    public async Task SyncClockAsync(CancellationToken ct = default)
    {
        var before = Clock.Time.GetUtcNow();
        var server = Read(await PublicAsync("/fapi/v1/time", ct), e => e.GetProperty("serverTime").GetInt64());
        var after = Clock.Time.GetUtcNow();
        Clock.Offset = DateTimeOffset.FromUnixTimeMilliseconds(server) - (before + (after - before) / 2);
    }

    public async Task<IReadOnlyList<SymbolInfo>> GetExchangeInfoAsync(CancellationToken ct = default) =>
        Read(await PublicAsync("/fapi/v1/exchangeInfo", ct), e => e.GetProperty("symbols").EnumerateArray().Select(Symbol).ToList());

    public async Task<IReadOnlyList<Candle>> GetKlinesAsync(Symbol symbol, Timeframe timeframe, long? startMs = null, long? endMs = null, int limit = 500, CancellationToken ct = default)
    {
        var query = new BinanceQueryString().Add("symbol", symbol.Name).Add("interval", timeframe.ToString()).Add("startTime", startMs).Add("endTime", endMs).Add("limit", limit);
        return KlineArrayReader.Read(await PublicAsync($"/fapi/v1/klines?{query}", ct), symbol, timeframe);
    }

    public async Task<FuturesMarkPrice> GetMarkPriceAsync(Symbol symbol, CancellationToken ct = default) =>
        Read(await PublicAsync($"/fapi/v1/premiumIndex?symbol={symbol.Name}", ct), MarkPrice);

    public async Task<IReadOnlyList<FuturesFundingRate>> GetFundingRatesAsync(Symbol symbol, long? startMs = null, long? endMs = null, int limit = 100, CancellationToken ct = default)
    {
        var query = new BinanceQueryString().Add("symbol", symbol.Name).Add("startTime", startMs).Add("endTime", endMs).Add("limit", limit);
        return Array(await PublicAsync($"/fapi/v1/fundingRate?{query}", ct), FundingRate);
    }

    /// <summary>True when the account is in hedge mode (dual side position).</summary>
    public async Task<bool> GetDualSidePositionAsync(CancellationToken ct = default) =>
        Read(await SignedAsync(HttpMethod.Get, "/fapi/v1/positionSide/dual", new(), 30, ct), e => e.GetProperty("dualSidePosition").GetBoolean());

    /// <summary>Sets hedge (true) or one-way mode; false when it already was (-4059), so calling it again changes nothing.</summary>
    public Task<bool> SetDualSidePositionAsync(bool dual, CancellationToken ct = default) =>
        ChangeAsync(HttpMethod.Post, "/fapi/v1/positionSide/dual", new BinanceQueryString().Add("dualSidePosition", dual ? "true" : "false"), NoNeedToChangePositionSide, ct);

    /// <summary>Sets ISOLATED or CROSSED margin; false when it already was (-4046).</summary>
    public Task<bool> SetMarginTypeAsync(Symbol symbol, bool isolated, CancellationToken ct = default) =>
        ChangeAsync(HttpMethod.Post, "/fapi/v1/marginType", new BinanceQueryString().Add("symbol", symbol.Name).Add("marginType", isolated ? "ISOLATED" : "CROSSED"),
            NoNeedToChangeMarginType, ct);

    /// <summary>Sets the symbol's initial leverage (idempotent on Binance's side); returns the leverage and the largest notional it allows.</summary>
    public async Task<(int Leverage, decimal MaxNotional)> SetLeverageAsync(Symbol symbol, int leverage, CancellationToken ct = default) =>
        Read(await SignedAsync(HttpMethod.Post, "/fapi/v1/leverage", new BinanceQueryString().Add("symbol", symbol.Name).Add("leverage", leverage), 1, ct),
            e => (e.GetProperty("leverage").GetInt32(), decimal.Parse(e.GetProperty("maxNotionalValue").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>GET /fapi/v1/leverageBracket; the OpenAPI allows an array or, for one symbol, a single object: both are read.</summary>
    public async Task<IReadOnlyList<LeverageBrackets>> GetLeverageBracketsAsync(Symbol? symbol = null, CancellationToken ct = default) =>
        Read(await SignedAsync(HttpMethod.Get, "/fapi/v1/leverageBracket", new BinanceQueryString().Add("symbol", symbol?.Name), 1, ct),
            root => root.ValueKind == System.Text.Json.JsonValueKind.Array ? root.EnumerateArray().Select(Brackets).ToList() : [Brackets(root)]);

    /// <summary>POST /fapi/v1/order, sent once (no retry: an unknown outcome surfaces as <see cref="BinanceOutcomeUnknownException"/>).</summary>
    public async Task<FuturesOrderState> PlaceOrderAsync(FuturesOrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new BinanceQueryString().Add("symbol", request.Symbol.Name).Add("side", request.Side == OrderSide.Buy ? "BUY" : "SELL")
            .Add("positionSide", request.PositionSide.ToString().ToUpperInvariant()).Add("type", request.BinanceType).Add("quantity", request.Quantity);
        if (request.Type == FuturesOrderType.Limit) query.Add("price", request.Price).Add("timeInForce", "GTC");
        if (request.Type == FuturesOrderType.StopMarket) query.Add("stopPrice", request.StopPrice);
        if (request.ReduceOnly) query.Add("reduceOnly", "true");
        query.Add("newClientOrderId", request.ClientOrderId).Add("newOrderRespType", "RESULT");
        return Read(await _sender.SendAsync(HttpMethod.Post, "/fapi/v1/order", query, 0, ct, isOrder: true), Order);
    }

    public async Task<FuturesOrderState> QueryOrderAsync(Symbol symbol, string clientOrderId, CancellationToken ct = default) =>
        Read(await SignedAsync(HttpMethod.Get, "/fapi/v1/order", new BinanceQueryString().Add("symbol", symbol.Name).Add("origClientOrderId", clientOrderId), 1, ct), Order);

    public async Task<FuturesOrderState> CancelOrderAsync(Symbol symbol, string clientOrderId, CancellationToken ct = default) =>
        Read(await SignedAsync(HttpMethod.Delete, "/fapi/v1/order", new BinanceQueryString().Add("symbol", symbol.Name).Add("origClientOrderId", clientOrderId), 1, ct), Order);

    public async Task<IReadOnlyList<FuturesOrderState>> GetOpenOrdersAsync(Symbol? symbol = null, CancellationToken ct = default) =>
        Array(await SignedAsync(HttpMethod.Get, "/fapi/v1/openOrders", new BinanceQueryString().Add("symbol", symbol?.Name), symbol is null ? 40 : 1, ct), Order);

    public async Task CancelAllOrdersAsync(Symbol symbol, CancellationToken ct = default) =>
        await SignedAsync(HttpMethod.Delete, "/fapi/v1/allOpenOrders", new BinanceQueryString().Add("symbol", symbol.Name), 1, ct);

    public async Task<IReadOnlyList<FuturesPositionRisk>> GetPositionsAsync(Symbol? symbol = null, CancellationToken ct = default) =>
        Array(await SignedAsync(HttpMethod.Get, "/fapi/v2/positionRisk", new BinanceQueryString().Add("symbol", symbol?.Name), 5, ct), Position);

    public async Task<FuturesAccountSummary> GetAccountAsync(CancellationToken ct = default) =>
        Read(await SignedAsync(HttpMethod.Get, "/fapi/v2/account", new(), 5, ct), Account);

    public async Task<IReadOnlyList<FuturesBalance>> GetBalancesAsync(CancellationToken ct = default) =>
        Array(await SignedAsync(HttpMethod.Get, "/fapi/v2/balance", new(), 5, ct), Balance);

    public async Task<IReadOnlyList<FuturesIncomeRow>> GetIncomeAsync(Symbol? symbol = null, string? incomeType = null, long? startMs = null, long? endMs = null,
        int limit = 100, CancellationToken ct = default)
    {
        var query = new BinanceQueryString().Add("symbol", symbol?.Name).Add("incomeType", incomeType).Add("startTime", startMs).Add("endTime", endMs).Add("limit", limit);
        return Array(await SignedAsync(HttpMethod.Get, "/fapi/v1/income", query, 30, ct), Income);
    }

    private async Task<bool> ChangeAsync(HttpMethod method, string path, BinanceQueryString query, int alreadySetCode, CancellationToken ct)
    {
        try
        {
            await SignedAsync(method, path, query, 1, ct);
            return true;
        }
        catch (BinanceTradingException ex) when (ex.Code == alreadySetCode)
        {
            return false;
        }
    }

    private Task<byte[]> SignedAsync(HttpMethod method, string path, BinanceQueryString query, int weight, CancellationToken ct) =>
        _sender.SendAsync(method, path, query, weight, ct);

    private async Task<byte[]> PublicAsync(string pathAndQuery, CancellationToken ct)
    {
        using var response = await _http.GetAsync(new Uri(_options.BaseUrl, pathAndQuery), ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.IsSuccessStatusCode) return body;
        var error = BinanceErrorBody.ToException((int)response.StatusCode, body) as Errors.BinanceApiException;
        throw new BinanceTradingException((int)response.StatusCode, error?.Code ?? 0, error?.BinanceMessage ?? $"HTTP {(int)response.StatusCode}", $"GET {pathAndQuery}");
    }
}
