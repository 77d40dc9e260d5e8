namespace Trading.Core.Risk;

/// <summary>
/// The gate's answer as a value: allowed with the order rounded to the exchange filters, or denied by one
/// check with a reason. Allowed decisions allocate nothing.
/// </summary>
public readonly record struct RiskDecision
{
    private RiskDecision(RiskCheck check, string? reason, decimal quantity, decimal price)
    {
        Check = check;
        Reason = reason;
        Quantity = quantity;
        Price = price;
    }

    /// <summary>The check that denied the order, or <see cref="RiskCheck.None"/> when allowed.</summary>
    public RiskCheck Check { get; }

    public string? Reason { get; }

    /// <summary>The quantity rounded down to the step size (allowed decisions).</summary>
    public decimal Quantity { get; }

    /// <summary>The limit price rounded to the tick (allowed limit orders), otherwise 0.</summary>
    public decimal Price { get; }

    public bool IsAllowed => Check == RiskCheck.None;

    public static RiskDecision Allowed(decimal quantity, decimal price) => new(RiskCheck.None, null, quantity, price);

    public static RiskDecision Denied(RiskCheck check, string reason)
    {
        if (check == RiskCheck.None) throw new ArgumentException("A denial must name its check.", nameof(check));
        return new RiskDecision(check, reason, 0m, 0m);
    }

    public override string ToString() => IsAllowed ? $"Allowed {Quantity} @ {Price}" : $"Denied by {Check}: {Reason}";
}
