namespace Trading.Api.Contracts;

/// <summary>POST /orders: a market order, or a limit order when a price is given; through the risk gate.</summary>
public sealed record OrderRequest(string? Symbol, string? Side, decimal? Quantity, decimal? Price);

/// <summary>POST /kill-switch and DELETE /kill-switch: why (stored with the state).</summary>
public sealed record KillSwitchRequest(string? Reason);

public sealed record TradingStateResponse(string TradingState, string? Reason);

/// <summary>POST /kill-switch: the state set and what the stop-all did, line by line as `trade stop-all` prints it.</summary>
public sealed record KillSwitchResponse(string TradingState, string Reason, int BotsStopped, int OrdersCancelled,
    IReadOnlyList<string> Problems, IReadOnlyList<string> Actions);
