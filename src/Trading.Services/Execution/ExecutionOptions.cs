using Trading.Core.Allocation;
using Trading.Core.Execution;
using Trading.Core.Risk;

namespace Trading.Services.Execution;

/// <summary>How the executor sizes orders and what it starts with in paper mode.</summary>
public sealed record ExecutionOptions
{
    public ExecutionMode Mode { get; init; } = ExecutionMode.DryRun;

    /// <summary>Per-bot sizing rules, by bot id.</summary>
    public IReadOnlyDictionary<string, PositionSizing> BotSizing { get; init; } = new Dictionary<string, PositionSizing>();

    /// <summary>Sizing default, protective exits and entry order type, shared with the backtester.</summary>
    public ExecutionPolicy Policy { get; init; } = new();

    /// <summary>
    /// The allocator's budget (ALLOC_*, docs/allocation.md): every bot's signals share equity under it. Null: no allocator
    /// (each order sized as it asks).
    /// </summary>
    public AllocationLimits? Allocation { get; init; }

    /// <summary>Paper mode's fees and slippage (PAPER_FEE_BPS, PAPER_SLIPPAGE_BPS).</summary>
    public FillModelOptions PaperFill { get; init; } = new();

    /// <summary>The virtual quote balance a paper account starts with (before any stored fill).</summary>
    public decimal InitialQuoteBalance { get; init; } = 10_000m;

    /// <summary>The bot's own sizing rule, or null when it has none (the policy decides).</summary>
    public PositionSizing? BotSizingFor(string? botId) =>
        botId is not null && BotSizing.TryGetValue(botId, out var sizing) ? sizing : null;
}
