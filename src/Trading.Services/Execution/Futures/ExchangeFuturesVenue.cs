using Trading.Binance.Futures;
using Trading.Binance.Orders;
using Trading.Core.Execution;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Storage;
using CoreOrder = Trading.Core.Risk.FuturesOrderRequest;

namespace Trading.Services.Execution.Futures;

/// <summary>
/// Testnet and live USDⓈ-M trading through <see cref="BinanceFuturesClient"/>: a MARKET order with the signal's client order id,
/// sent once; a lost answer is looked up by that id, never sent again. The exchange's fill (executed quantity at its average
/// price) is booked into the bot's account with the configured taker fee rate, as Binance's RESULT answer carries no commission.
/// </summary>
public sealed class ExchangeFuturesVenue(BinanceFuturesClient client, FuturesAccount account, LeverageBrackets brackets, decimal takerFeeRate) : IFuturesVenue
{
    public string Name => "binance-futures";

    public string? PendingOrderId => null;

    public async Task<IReadOnlyList<FuturesBookEvent>> PlaceAsync(string clientOrderId, CoreOrder order, CancellationToken ct)
    {
        var side = order.Direction > 0 ? OrderSide.Buy : OrderSide.Sell;
        var request = new FuturesOrderRequest(order.Symbol, side, FuturesOrderType.Market, order.Quantity, clientOrderId, order.PositionSide, order.ReduceOnly);
        FuturesOrderState state;
        try
        {
            state = await client.PlaceOrderAsync(request, ct);
        }
        catch (BinanceOutcomeUnknownException)
        {
            state = await client.QueryOrderAsync(order.Symbol, clientOrderId, ct);
        }
        catch (BinanceTradingException e) when (e.HttpStatus is >= 400 and < 500 and not 418 and not 429)
        {
            return [new FuturesBookEvent(FuturesBookEventKind.Expired, DateTimeOffset.UtcNow, clientOrderId, side, Reason: $"rejected: {e.BinanceMessage} (code {e.Code})")];
        }
        return Book(state, order.Leverage);
    }

    /// <summary>The exchange books funding and liquidations itself; the bot reads them with `trading futures positions|funding`.</summary>
    public IReadOnlyList<FuturesBookEvent> OnCandle(in Candle candle) => [];

    public async Task<IReadOnlyList<FuturesBookEvent>> ResumeAsync(FuturesOrderRecord order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        try
        {
            return Book(await client.QueryOrderAsync(order.Symbol, order.Id, ct), order.Leverage);
        }
        catch (BinanceTradingException e) when (e.Code == -2013)
        {
            return [new FuturesBookEvent(FuturesBookEventKind.Expired, order.UpdatedAt, order.Id, order.Side, Reason: "the exchange never received it")];
        }
    }

    private IReadOnlyList<FuturesBookEvent> Book(FuturesOrderState state, int leverage)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(state.UpdateTimeMs);
        var exchangeId = state.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (state.ExecutedQuantity <= 0)
            return state.IsOpen ? [] : [new FuturesBookEvent(FuturesBookEventKind.Expired, time, state.ClientOrderId, state.Side, Reason: $"exchange status {state.Status}", ExchangeOrderId: exchangeId)];
        var (quantity, price) = (state.ExecutedQuantity, state.AveragePrice);
        var fee = FuturesMath.Fee(quantity, price, takerFeeRate);
        var direction = state.Side == OrderSide.Buy ? 1 : -1;
        var position = account.Find(state.Symbol, state.PositionSide);
        if (position is not null && position.Direction != direction)
        {
            var reduced = Math.Min(quantity, position.Quantity);
            var pnl = account.Reduce(position, reduced, price, fee);
            return [new FuturesBookEvent(FuturesBookEventKind.Fill, time, state.ClientOrderId, state.Side, price, reduced, fee, pnl, ReduceOnly: true, ExchangeOrderId: exchangeId)];
        }
        account.Open(state.Symbol, state.PositionSide, direction, quantity, price, fee, leverage, brackets, time);
        return [new FuturesBookEvent(FuturesBookEventKind.Fill, time, state.ClientOrderId, state.Side, price, quantity, fee, ExchangeOrderId: exchangeId)];
    }
}
