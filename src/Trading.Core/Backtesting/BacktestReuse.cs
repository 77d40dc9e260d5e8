using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Core.Backtesting;

/// <summary>
/// What a backtest engine keeps for all its runs so that a warmed-up run allocates nothing per order or fill: the order
/// ids ("BT-n"), fill ids ("SIM-Fn") and exit ids ("SIM-EXIT-n"), the fill objects and the list that holds them (a result's
/// fills stay valid until the engine's next run), and the objects of orders that left the book.
/// </summary>
internal sealed class BacktestReuse
{
    private readonly Stack<Order> _closedOrders = new();

    public CounterIdCache OrderIds { get; } = new("BT-");
    public CounterIdCache FillIds { get; } = new("SIM-F");
    public CounterIdCache ExitIds { get; } = new("SIM-EXIT-");
    public FillRecycler FillObjects { get; } = new();
    public List<Fill> Fills { get; } = [];

    /// <summary>Starts a run: the previous run's fills are taken back.</summary>
    public void Restart()
    {
        FillObjects.Restart();
        Fills.Clear();
    }

    /// <summary>An order that left the book: nothing holds it any more (a backtest keeps no snapshots).</summary>
    public void Release(Order order) => _closedOrders.Push(order);

    /// <summary>A Submitted order, in the object of one that left the book when there is one.</summary>
    public Order Rent(string id, Symbol symbol, OrderSide side, OrderType type, decimal? price, decimal quantity, DateTimeOffset time) =>
        _closedOrders.TryPop(out var reused)
            ? reused.Reuse(id, symbol, side, type, price, quantity, OrderStatus.Submitted, time)
            : new Order
            {
                Id = id, ClientOrderId = id, Symbol = symbol, Side = side, Type = type, Price = price, Quantity = quantity,
                Status = OrderStatus.Submitted, CreatedAt = time, UpdatedAt = time,
            };
}
