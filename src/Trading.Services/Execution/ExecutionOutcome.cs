using Trading.Core.Model;

namespace Trading.Services.Execution;

public enum ExecutionResult
{
    /// <summary>The risk gate denied the order (or it could not be sized); nothing was sent.</summary>
    Denied,

    /// <summary>Dry-run: the signal and the decision were recorded, no order was made.</summary>
    DryRun,

    /// <summary>The order reached the venue; see the order's status.</summary>
    Placed,

    /// <summary>An order for this signal already exists; it was not sent again.</summary>
    Duplicate,

    /// <summary>The venue's answer is unknown and could not be resolved yet; the order stays Submitted.</summary>
    Unresolved,
}

/// <summary>What became of one <see cref="ExecutionRequest"/>.</summary>
public sealed record ExecutionOutcome(ExecutionResult Result, string Reason, Order? Order = null)
{
    public bool IsDenied => Result == ExecutionResult.Denied;

    public override string ToString() => Order is null ? $"{Result}: {Reason}" : $"{Result}: {Reason} (order {Order.Id} {Order.Status})";
}
