using Trading.Core.Risk;

namespace Trading.Core.Execution;

/// <summary>
/// How the execution kernel turns a signal into orders, the same in backtest, paper, testnet and live: the sizing
/// rule, the protective exits armed when an entry fills, and the entry order type.
/// </summary>
public sealed record ExecutionPolicy
{
    /// <summary>When set, it sizes every entry, whatever quantity the signal states.</summary>
    public PositionSizing? Sizing { get; init; }

    /// <summary>Sizes an entry whose signal states no quantity and that has no <see cref="Sizing"/>.</summary>
    public PositionSizing DefaultSizing { get; init; } = new(PositionSizingMode.EquityFraction, 0.05m);

    /// <summary>RISK_STOP_LOSS_PCT: the stop's distance below a long entry when the signal has no stop; 0 is off.</summary>
    public decimal StopLossPct { get; init; }

    /// <summary>RISK_TAKE_PROFIT_PCT: the target's distance above a long entry when the signal has none; 0 is off.</summary>
    public decimal TakeProfitPct { get; init; }

    public EntryOrderType EntryOrderType { get; init; } = EntryOrderType.Market;

    /// <summary>protective_orders: whether the kernel fires the exits on candles (local) or the exchange holds them (exchange).</summary>
    public ProtectiveOrderMode ProtectiveOrders { get; init; } = ProtectiveOrderMode.Local;

    /// <summary>With limit entries: when an unfilled entry is re-priced or abandoned. Null: it rests until cancelled.</summary>
    public LimitEntryTimeoutPolicy? LimitEntryTimeout { get; init; }

    public PositionSizing SizingFor(decimal signalQuantity) => Sizing ?? (signalQuantity > 0 ? new PositionSizing(PositionSizingMode.FixedQuantity, signalQuantity) : DefaultSizing);

    public void Validate()
    {
        if (StopLossPct is < 0 or >= 100) throw new ArgumentException($"The stop-loss must be within [0, 100) percent, got {StopLossPct}.");
        if (TakeProfitPct is < 0 or > 1000) throw new ArgumentException($"The take-profit must be within [0, 1000] percent, got {TakeProfitPct}.");
        Sizing?.Validate();
        DefaultSizing.Validate();
    }
}
