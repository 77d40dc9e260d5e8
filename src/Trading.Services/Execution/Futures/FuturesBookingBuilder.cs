using System.Globalization;
using Trading.Core.Execution;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Execution.Futures;

/// <summary>
/// Turns one step's <see cref="FuturesBookEvent"/>s into a <see cref="FuturesBooking"/>: a fill record per fill (its id the
/// order's, so a second booking of it is ignored), the order it completes or expires, a funding record per settlement, a
/// liquidation as a fill of its own, and the symbol's position and the wallet as booked.
/// </summary>
internal sealed class FuturesBookingBuilder(FuturesBotSettings settings, DateTimeOffset now)
{
    private readonly Dictionary<string, FuturesOrderRecord> _orders = [];
    private readonly List<FuturesFillRecord> _fills = [];
    private readonly List<FundingRecord> _funding = [];

    public List<string> ClosedOrders { get; } = [];

    public void Order(FuturesOrderRecord order) => _orders[order.Id] = order;

    public void Add(FuturesBookEvent e, IReadOnlyDictionary<string, FuturesOrderRecord> open)
    {
        var order = e.OrderId is null ? null : _orders.GetValueOrDefault(e.OrderId) ?? open.GetValueOrDefault(e.OrderId);
        switch (e.Kind)
        {
            case FuturesBookEventKind.Fill when order is not null:
                _fills.Add(Fill($"{order.Id}-F1", order.Id, order.BotId, e, order.Leverage, liquidation: false));
                Close(order with
                {
                    Status = OrderStatus.Filled, FilledQuantity = e.Quantity, AveragePrice = e.Price, UpdatedAt = e.Time,
                    ReduceOnly = order.ReduceOnly || e.ReduceOnly, ExchangeOrderId = e.ExchangeOrderId ?? order.ExchangeOrderId,
                });
                break;
            case FuturesBookEventKind.Expired when order is not null:
                Close(order with
                {
                    Status = order.Status == OrderStatus.Submitted && e.ExchangeOrderId is null ? OrderStatus.Failed : OrderStatus.Expired, Reason = e.Reason,
                    UpdatedAt = e.Time, ExchangeOrderId = e.ExchangeOrderId ?? order.ExchangeOrderId,
                });
                break;
            case FuturesBookEventKind.Liquidation:
                var id = string.Create(CultureInfo.InvariantCulture, $"liq-{settings.Symbol}-{e.Time.ToUnixTimeMilliseconds()}");
                _fills.Add(Fill(id, id, null, e, settings.Leverage, liquidation: true));
                break;
            case FuturesBookEventKind.Funding:
                var p = e.Funding!.Value;
                _funding.Add(new FundingRecord(p.Symbol, p.PositionSide, p.Direction, p.Time, p.Quantity, p.MarkPrice, p.Rate, p.Amount));
                break;
        }
    }

    public FuturesBooking Build(FuturesAccount account)
    {
        var positions = account.Positions.Where(p => p.Symbol == settings.Symbol).Select(p => new FuturesPositionRecord
        {
            Symbol = p.Symbol, PositionSide = p.PositionSide, Direction = p.Direction, Quantity = p.Quantity, EntryPrice = p.EntryPrice,
            Leverage = p.Leverage, IsolatedMargin = p.IsolatedMargin, MarkPrice = p.MarkPrice, LiquidationPrice = p.LiquidationPrice,
            UnrealizedPnl = p.UnrealizedPnl, Funding = p.Funding, OpenedAt = p.OpenedAt, UpdatedAt = now,
        }).ToList();
        return new FuturesBooking
        {
            Orders = [.. _orders.Values], Fills = _fills, Funding = _funding, Symbols = [settings.Symbol], Positions = positions,
            WalletBalance = account.WalletBalance, Time = now,
        };
    }

    private void Close(FuturesOrderRecord order)
    {
        _orders[order.Id] = order;
        ClosedOrders.Add(order.Id);
    }

    private FuturesFillRecord Fill(string id, string orderId, string? botId, FuturesBookEvent e, int leverage, bool liquidation) => new()
    {
        Id = id, OrderId = orderId, BotId = botId, Symbol = settings.Symbol, Side = e.Side, Price = e.Price, Quantity = e.Quantity, Fee = e.Fee,
        RealizedPnl = e.RealizedPnl, ReduceOnly = e.ReduceOnly, Liquidation = liquidation, Leverage = leverage, Time = e.Time,
    };
}
