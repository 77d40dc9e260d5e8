using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;

namespace Trading.Services.Execution.Futures;

/// <summary>
/// Paper USDⓈ-M trading: the <see cref="SimulatedFuturesBook"/> a futures backtest fills with (same fill model, funding and
/// liquidation), fed the replay's closed candles, so a paper bot books exactly the backtest's fills.
/// </summary>
public sealed class PaperFuturesVenue(SimulatedFuturesBook book) : IFuturesVenue
{
    private readonly List<FuturesBookEvent> _events = [];

    public string Name => "paper";

    public string? PendingOrderId => book.PendingOrderId;

    public SimulatedFuturesBook Book => book;

    public Task<IReadOnlyList<FuturesBookEvent>> PlaceAsync(string clientOrderId, FuturesOrderRequest order, CancellationToken ct)
    {
        book.Submit(clientOrderId, order);
        return Task.FromResult<IReadOnlyList<FuturesBookEvent>>([]);
    }

    public IReadOnlyList<FuturesBookEvent> OnCandle(in Candle candle)
    {
        _events.Clear();
        book.OnCandle(candle, _events);
        return _events.Count == 0 ? [] : _events.ToArray();
    }

    public Task<IReadOnlyList<FuturesBookEvent>> ResumeAsync(FuturesOrderRecord order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status == OrderStatus.New)
        {
            book.Submit(order.Id, new FuturesOrderRequest(order.Symbol, order.PositionSide, order.Side == OrderSide.Buy ? 1 : -1, order.Quantity,
                0m, order.Leverage, order.ReduceOnly));
            return Task.FromResult<IReadOnlyList<FuturesBookEvent>>([]);
        }
        IReadOnlyList<FuturesBookEvent> failed =
            [new(FuturesBookEventKind.Expired, order.UpdatedAt, order.Id, order.Side, Reason: "the paper step that placed it did not finish")];
        return Task.FromResult(failed);
    }
}
