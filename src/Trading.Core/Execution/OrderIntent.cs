using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Execution;

/// <summary>
/// One order wish handed to the <see cref="ExecutionKernel"/>: from a strategy's signal, a person (CLI/API) or a bot.
/// <see cref="Quantity"/> 0 lets the sizing policy decide; <see cref="LimitPrice"/> null lets the policy's entry type
/// decide (market, or limit at the signal price).
/// </summary>
public readonly record struct OrderIntent(
    Symbol Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal? LimitPrice = null,
    decimal SignalPrice = 0m,
    decimal? StopLoss = null,
    decimal? TakeProfit = null)
{
    /// <summary>A person's order must already sit on the tick and step: it is refused, not silently rounded.</summary>
    public bool RequireExactFilters { get; init; }

    /// <summary>A timed-out limit entry placed again: its new limit price (instead of the signal's).</summary>
    public decimal? RepriceTo { get; init; }

    /// <summary>How often this limit entry was re-priced already.</summary>
    public int Reprices { get; init; }

    /// <summary>A bot's own sizing rule, which wins over the policy's.</summary>
    public PositionSizing? Sizing { get; init; }

    /// <summary>The strategy that wants the order: with an allocator in the kernel, its budget and its own holding bound it.</summary>
    public string? Strategy { get; init; }

    public static OrderIntent FromSignal(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new OrderIntent(signal.Symbol, signal.Side, signal.Quantity, null, signal.Price, signal.StopLoss, signal.TakeProfit);
    }
}
