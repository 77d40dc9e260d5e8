using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>An order open at a venue, as far as reconciliation and stop-all need it: whose it is and what it trades.</summary>
public sealed record VenueOpenOrder(string ClientOrderId, Symbol Symbol, OrderSide Side, decimal Quantity, OrderType Type = OrderType.Limit, decimal? Price = null);
