using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>An order list (OCO) held by the simulated exchange: its legs, oldest first, and its status.</summary>
public sealed class SimulatedOrderList
{
    public required long OrderListId { get; init; }
    public required string ListClientOrderId { get; init; }
    public required Symbol Symbol { get; init; }
    public string ContingencyType { get; init; } = "OCO";
    public required long TransactionTimeMs { get; init; }
    public List<SimulatedOrder> Orders { get; init; } = [];

    /// <summary>An OTO's or OTOCO's pending orders as requested (Orders[1..] hold them as PENDING_NEW until the working order fills).</summary>
    internal IReadOnlyList<NewSimulatedOrder> PendingRequests { get; init; } = [];

    /// <summary>OTO and OTOCO: Orders[0] is the working order, the others wait for it to fill.</summary>
    public bool HasWorkingOrder => ContingencyType is "OTO" or "OTOCO";

    /// <summary>EXEC_STARTED while the list works, ALL_DONE once a leg triggered or filled or the list was cancelled.</summary>
    public string ListStatusType { get; set; } = "EXEC_STARTED";

    /// <summary>EXECUTING while the list works, then ALL_DONE.</summary>
    public string ListOrderStatus { get; set; } = "EXECUTING";

    public bool IsOpen => ListOrderStatus == "EXECUTING";

    public void Finish()
    {
        ListStatusType = "ALL_DONE";
        ListOrderStatus = "ALL_DONE";
    }

    /// <summary>A copy whose legs are copies too.</summary>
    public SimulatedOrderList Snapshot() => new()
    {
        OrderListId = OrderListId, ListClientOrderId = ListClientOrderId, Symbol = Symbol, ContingencyType = ContingencyType,
        TransactionTimeMs = TransactionTimeMs, Orders = [.. Orders.Select(o => o.Snapshot())], ListStatusType = ListStatusType, ListOrderStatus = ListOrderStatus,
    };
}

/// <summary>A parsed POST /api/v3/orderList/oco: the above and the below leg, same side and quantity.</summary>
public sealed record NewSimulatedOco(string? ListClientOrderId, NewSimulatedOrder Above, NewSimulatedOrder Below)
{
    public Symbol Symbol => Above.Symbol;

    public OrderSide Side => Above.Side;
}

/// <summary>
/// A parsed POST /api/v3/orderList/oto (one pending order) or /otoco (two: below, then above, forming an OCO): the working
/// LIMIT or LIMIT_MAKER order and the orders its complete fill places.
/// </summary>
public sealed record NewSimulatedTriggeredList(string? ListClientOrderId, NewSimulatedOrder Working, IReadOnlyList<NewSimulatedOrder> Pending)
{
    public Symbol Symbol => Working.Symbol;

    public string ContingencyType => Pending.Count == 1 ? "OTO" : "OTOCO";
}
