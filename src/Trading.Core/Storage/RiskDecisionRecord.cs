namespace Trading.Core.Storage;

/// <summary>One risk-gate verdict: which check ran on which signal or order, and whether it allowed it.</summary>
public sealed record RiskDecisionRecord
{
    public string Id { get; init; } = Guid.NewGuid().ToString("N");
    public required DateTimeOffset Time { get; init; }
    public string? SignalId { get; init; }
    public string? OrderId { get; init; }
    public required string Check { get; init; }
    public required bool Allowed { get; init; }
    public string Reason { get; init; } = "";
}
