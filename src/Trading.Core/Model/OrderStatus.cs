namespace Trading.Core.Model;

/// <summary>Order lifecycle states; the legal transitions live in the execution state machine.</summary>
public enum OrderStatus
{
    Created,
    Submitted,
    New,
    PartiallyFilled,
    PendingCancel,
    Filled,
    Cancelled,
    Rejected,
    Expired,
    Failed,
}
