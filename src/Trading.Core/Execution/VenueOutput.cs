using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>
/// Where <see cref="SimulatedVenue"/> reports what a candle did. Normally order updates: each transition's new snapshot
/// and event, with its fill. A backtest, which keeps fills but neither snapshots nor events, asks for the quiet form:
/// the fills, and the orders that left the book (filled, or expired for want of balance).
/// </summary>
internal readonly struct VenueOutput
{
    private VenueOutput(ICollection<VenueUpdate>? updates, List<Fill>? fills, List<Order>? closedOrders)
    {
        Updates = updates;
        Fills = fills;
        ClosedOrders = closedOrders;
    }

    public ICollection<VenueUpdate>? Updates { get; }
    public List<Fill>? Fills { get; }
    public List<Order>? ClosedOrders { get; }

    public bool IsQuiet => Updates is null;

    public static VenueOutput Of(ICollection<VenueUpdate> updates) => new(updates ?? throw new ArgumentNullException(nameof(updates)), null, null);

    public static VenueOutput Quiet(List<Fill> fills, List<Order> closedOrders) =>
        new(null, fills ?? throw new ArgumentNullException(nameof(fills)), closedOrders ?? throw new ArgumentNullException(nameof(closedOrders)));
}
