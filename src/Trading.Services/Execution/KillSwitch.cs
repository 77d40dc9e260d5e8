using Trading.Core.Risk;
using Trading.Core.Storage;

namespace Trading.Services.Execution;

/// <summary>The trading state (ACTIVE, HALTED = kill switch, REDUCING) persisted in the system state, so it survives restarts.</summary>
public sealed class KillSwitch(ISystemStateStore store)
{
    public const string StateKey = "risk.trading_state";
    public const string ReasonKey = "risk.trading_state_reason";

    public async Task<TradingState> LoadAsync(CancellationToken ct = default)
    {
        var text = await store.GetAsync(StateKey, ct);
        return Enum.TryParse<TradingState>(text, ignoreCase: true, out var state) ? state : TradingState.Active;
    }

    public Task<string?> LoadReasonAsync(CancellationToken ct = default) => store.GetAsync(ReasonKey, ct);

    public async Task SetAsync(TradingState state, string reason, CancellationToken ct = default)
    {
        await store.SetAsync(ReasonKey, reason, ct);
        await store.SetAsync(StateKey, state.ToString().ToUpperInvariant(), ct);
    }

    /// <summary>Puts the stored state into the gate (the store wins: the CLI may have changed it).</summary>
    public async Task RestoreAsync(RiskGate gate, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var state = await LoadAsync(ct);
        if (state != gate.State) gate.SetState(state, "restored from the store");
    }
}
