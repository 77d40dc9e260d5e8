using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Allocation;

/// <summary>
/// What the allocator did to one entry: the quantity the strategy asked for and the quantity it granted. A reduced or
/// denied entry names the limit that bound it (<see cref="RiskCheck.StrategyBudget"/> or <see cref="RiskCheck.PortfolioHeat"/>)
/// and says why, as the risk gate's decisions do.
/// </summary>
public readonly record struct AllocationDecision(string Strategy, Symbol Symbol, decimal Requested, decimal Granted, RiskCheck Check, string? Reason)
{
    public bool IsDenied => Granted <= 0;

    public bool IsReduced => Granted > 0 && Granted < Requested;

    /// <summary>True when the allocator changed nothing.</summary>
    public bool IsUntouched => Check == RiskCheck.None;

    public override string ToString() => IsUntouched
        ? $"{Strategy}: {Requested} {Symbol} granted"
        : $"{Strategy}: {Requested} → {Granted} {Symbol} by {Check}: {Reason}";
}
