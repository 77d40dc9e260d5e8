using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>One order transition reported by a venue, with the fill that caused it when there was one.</summary>
public readonly record struct VenueUpdate(Order Order, OrderEvent Event, Fill? Fill = null)
{
    public static VenueUpdate From(OrderTransition transition, Fill? fill = null) =>
        new(transition.Order, transition.Event, fill);
}
