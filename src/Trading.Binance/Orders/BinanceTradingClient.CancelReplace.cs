using System.Text.Json;
using Trading.Binance.Errors;
using Trading.Binance.Signing;
using Trading.Core.Model;

namespace Trading.Binance.Orders;

/// <summary>POST /api/v3/order/cancelReplace: cancel an open order and place its replacement in one request.</summary>
public sealed partial class BinanceTradingClient
{
    private const string CancelReplacePath = "/api/v3/order/cancelReplace";

    public async Task<CancelReplaceOutcome> CancelReplaceAsync(Symbol symbol, string cancelClientOrderId, NewOrderRequest replacement, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var query = OrderQuery(replacement).Add("cancelReplaceMode", "STOP_ON_FAILURE").Add("cancelOrigClientOrderId", cancelClientOrderId);
        var sentAt = Clock.Time.GetTimestamp();
        try
        {
            var body = await SendOrderAsync(CancelReplacePath, query, ct);
            return BinanceOrderJson.Parse(body, "cancel-replace", root => ReadHalves(root, replacement.ClientOrderId, null));
        }
        catch (BinanceTradingException failed) when (failed is { Code: -2021 or -2022, Body: { } body })
        {
            return BinanceOrderJson.Parse(body, "cancel-replace failure", root => ReadHalves(BinanceOrderJson.Required(root, "data"), replacement.ClientOrderId, failed));
        }
        catch (BinanceTradingException refused)
        {
            // A plain error (a filter, a parameter, the order count): nothing was cancelled and nothing placed.
            return new CancelReplaceOutcome(null, refused, OrderPlacement.Rejected(replacement.ClientOrderId, refused));
        }
        catch (BinanceBannedException banned)
        {
            var refused = new BinanceTradingException(418, 0, banned.Message, $"POST {CancelReplacePath}");
            return new CancelReplaceOutcome(null, refused, OrderPlacement.Rejected(replacement.ClientOrderId, refused));
        }
        catch (BinanceOutcomeUnknownException unknown)
        {
            var old = await QueryOrderAsync(symbol, cancelClientOrderId, ct);
            return new CancelReplaceOutcome(old, null, await ResolveUnknownAsync(replacement, unknown, sentAt, ct));
        }
    }

    /// <summary>cancelResponse and newOrderResponse: an order, or {code, msg} for the half that failed (null when not attempted).</summary>
    private static CancelReplaceOutcome ReadHalves(JsonElement data, string newClientOrderId, BinanceTradingException? failure)
    {
        var operation = $"POST {CancelReplacePath}";
        var cancel = BinanceOrderJson.Required(data, "cancelResponse");
        var cancelRefused = Refusal(cancel, operation);
        var placed = BinanceOrderJson.Required(data, "newOrderResponse");
        var placement = placed.ValueKind == JsonValueKind.Null
            ? new OrderPlacement(PlacementOutcome.NotPlaced, newClientOrderId,
                Reason: $"not attempted: the cancel was refused ({cancelRefused?.BinanceMessage ?? failure?.BinanceMessage})")
            : Refusal(placed, operation) is { } placeRefused
                ? OrderPlacement.Rejected(newClientOrderId, placeRefused)
                : OrderPlacement.Placed(BinanceOrderJson.ReadOrder(placed));
        return new CancelReplaceOutcome(cancelRefused is null ? BinanceOrderJson.ReadOrder(cancel) : null, cancelRefused, placement);
    }

    private static BinanceTradingException? Refusal(JsonElement half, string operation) =>
        half.ValueKind == JsonValueKind.Object && half.TryGetProperty("code", out var code)
            ? new BinanceTradingException(409, code.GetInt32(), BinanceOrderJson.String(half, "msg"), operation)
            : null;
}
