using System.Text.Json;
using Trading.Binance.Errors;
using Trading.Binance.Signing;
using Trading.Core.Model;

namespace Trading.Binance.Orders;

/// <summary>Order lists (OCO, OTO, OTOCO): place, list the open ones, cancel.</summary>
public sealed partial class BinanceTradingClient
{
    public async Task<ExchangeOrderList> PlaceOcoAsync(NewOcoRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new BinanceQueryString()
            .Add("symbol", request.Symbol.Name)
            .Add("side", SideName(request.Side))
            .Add("quantity", request.Quantity)
            .Add("listClientOrderId", request.ListClientOrderId);
        AddLeg(query, "above", request.Above);
        AddLeg(query, "below", request.Below);
        query.Add("newOrderRespType", "RESULT");
        return ReadList(await SendAsync(HttpMethod.Post, "/api/v3/orderList/oco", query, 1, ct, isOrder: true));
    }

    public async Task<ExchangeOrderList> PlaceOtoAsync(NewOtoRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = WorkingQuery(request.Symbol, request.ListClientOrderId, request.Working)
            .Add("pendingSide", SideName(request.PendingSide)).Add("pendingQuantity", request.PendingQuantity);
        AddLeg(query, "pending", request.Pending);
        return ReadList(await SendAsync(HttpMethod.Post, "/api/v3/orderList/oto", query.Add("newOrderRespType", "RESULT"), 1, ct, isOrder: true));
    }

    public async Task<ExchangeOrderList> PlaceOtocoAsync(NewOtocoRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = WorkingQuery(request.Symbol, request.ListClientOrderId, request.Working)
            .Add("pendingSide", SideName(request.PendingSide)).Add("pendingQuantity", request.PendingQuantity);
        AddLeg(query, "pendingAbove", request.PendingAbove);
        AddLeg(query, "pendingBelow", request.PendingBelow);
        return ReadList(await SendAsync(HttpMethod.Post, "/api/v3/orderList/otoco", query.Add("newOrderRespType", "RESULT"), 1, ct, isOrder: true));
    }

    private static BinanceQueryString WorkingQuery(Symbol symbol, string listClientOrderId, WorkingLeg working)
    {
        var query = new BinanceQueryString().Add("symbol", symbol.Name).Add("listClientOrderId", listClientOrderId)
            .Add("workingType", working.Type).Add("workingSide", SideName(working.Side)).Add("workingClientOrderId", working.ClientOrderId)
            .Add("workingPrice", working.Price).Add("workingQuantity", working.Quantity);
        return working.PostOnly ? query : query.Add("workingTimeInForce", "GTC");
    }

    private static string SideName(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    public async Task<IReadOnlyList<ExchangeOrderList>> GetOpenOrderListsAsync(CancellationToken ct = default)
    {
        var body = await SendAsync(HttpMethod.Get, "/api/v3/openOrderList", new BinanceQueryString(), 6, ct);
        return BinanceOrderJson.Parse(body, "open order lists", root => root.ValueKind == JsonValueKind.Array
            ? root.EnumerateArray().Select(ReadList).ToList()
            : throw new BinanceMalformedResponseException("Malformed Binance open order lists payload: not an array."));
    }

    public async Task<ExchangeOrderList> CancelOrderListAsync(Symbol symbol, string listClientOrderId, CancellationToken ct = default)
    {
        var query = new BinanceQueryString().Add("symbol", symbol.Name).Add("listClientOrderId", listClientOrderId);
        return ReadList(await SendAsync(HttpMethod.Delete, "/api/v3/orderList", query, 1, ct));
    }

    private static void AddLeg(BinanceQueryString query, string prefix, OcoLeg leg)
    {
        query.Add($"{prefix}Type", leg.Type).Add($"{prefix}ClientOrderId", leg.ClientOrderId)
            .Add($"{prefix}Price", leg.Price).Add($"{prefix}StopPrice", leg.StopPrice);
        if (leg.NeedsTimeInForce) query.Add($"{prefix}TimeInForce", "GTC");
    }

    private static ExchangeOrderList ReadList(byte[] body) => BinanceOrderJson.Parse(body, "order list", ReadList);

    private static ExchangeOrderList ReadList(JsonElement list) => new(
        BinanceOrderJson.Required(list, "orderListId").GetInt64(),
        BinanceOrderJson.String(list, "listClientOrderId"),
        Symbol.Parse(BinanceOrderJson.String(list, "symbol")),
        BinanceOrderJson.String(list, "listOrderStatus"),
        [.. BinanceOrderJson.Required(list, "orders").EnumerateArray().Select(o => BinanceOrderJson.String(o, "clientOrderId"))],
        list.TryGetProperty("orderReports", out var reports) ? [.. reports.EnumerateArray().Select(BinanceOrderJson.ReadOrder)] : []);
}
