namespace Trading.Api.Contracts;

/// <summary>GET /status: the mode, the trading state (ACTIVE, HALTED, REDUCING) and why, what this process runs, and since when.</summary>
public sealed record StatusResponse(
    string Mode,
    bool DryRun,
    string TradingState,
    string? TradingStateReason,
    IReadOnlyList<string> Services,
    DateTimeOffset StartedAt,
    long UptimeSeconds,
    string Store,
    string Bus,
    DateTimeOffset AsOf);
