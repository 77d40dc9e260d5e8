using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>
/// The declared order state-transition table. Terminal states (Filled, Cancelled, Rejected, Expired, Failed)
/// have no outgoing edges. PartiallyFilled → PartiallyFilled is legal: each further partial fill.
/// </summary>
public static class OrderTransitions
{
    private static readonly (OrderStatus From, OrderStatus[] To)[] Table =
    [
        (OrderStatus.Created, [OrderStatus.Submitted, OrderStatus.Rejected, OrderStatus.Failed, OrderStatus.Cancelled]),
        // A market order answered FULL goes straight to Filled; an unknown outcome resolved later may land anywhere.
        (OrderStatus.Submitted, [OrderStatus.New, OrderStatus.PartiallyFilled, OrderStatus.Filled, OrderStatus.Rejected,
            OrderStatus.Failed, OrderStatus.Expired, OrderStatus.Cancelled, OrderStatus.PendingCancel]),
        (OrderStatus.New, [OrderStatus.PartiallyFilled, OrderStatus.Filled, OrderStatus.PendingCancel,
            OrderStatus.Cancelled, OrderStatus.Expired]),
        (OrderStatus.PartiallyFilled, [OrderStatus.PartiallyFilled, OrderStatus.Filled, OrderStatus.PendingCancel,
            OrderStatus.Cancelled, OrderStatus.Expired]),
        // Fills can race a cancel request; a cancel can fail because the order already filled (→ Filled)
        // or be refused while the order stays open (→ New / PartiallyFilled).
        (OrderStatus.PendingCancel, [OrderStatus.Cancelled, OrderStatus.PartiallyFilled, OrderStatus.Filled,
            OrderStatus.New, OrderStatus.Expired]),
    ];

    private static readonly bool[,] Allowed = Build();

    /// <summary>Every legal (from, to) edge, in table order.</summary>
    public static IReadOnlyList<(OrderStatus From, OrderStatus To)> Edges { get; } =
        Table.SelectMany(row => row.To.Select(to => (row.From, to))).ToArray();

    public static bool IsAllowed(OrderStatus from, OrderStatus to) => Allowed[(int)from, (int)to];

    public static bool IsTerminal(OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired or OrderStatus.Failed;

    private static bool[,] Build()
    {
        var count = Enum.GetValues<OrderStatus>().Length;
        var allowed = new bool[count, count];
        foreach (var (from, targets) in Table)
        {
            foreach (var to in targets)
                allowed[(int)from, (int)to] = true;
        }
        return allowed;
    }
}
