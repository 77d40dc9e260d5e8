using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Services.Execution;

/// <summary>
/// One order wish, from a strategy's signal or a person (CLI/API). <see cref="Quantity"/> 0 means "size it with the
/// bot's rule"; <see cref="LimitPrice"/> null means a market order. The signal id seeds the client order id.
/// </summary>
public sealed record ExecutionRequest(
    string SignalId,
    Symbol Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal? LimitPrice = null,
    decimal SignalPrice = 0m,
    decimal? StopLoss = null,
    string? BotId = null,
    decimal? TakeProfit = null)
{
    /// <summary>A person's order must already sit on the tick and step: it is refused, not silently rounded.</summary>
    public bool RequireExactFilters { get; init; }

    public static ExecutionRequest FromSignal(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new ExecutionRequest(signal.Id, signal.Symbol, signal.Side, signal.Quantity, null, signal.Price, signal.StopLoss, signal.BotId, signal.TakeProfit);
    }

    /// <summary>A timed-out limit entry placed again: its new price and how often it was re-priced (see <see cref="OrderIntent"/>).</summary>
    public decimal? RepriceTo { get; init; }

    public int Reprices { get; init; }

    /// <summary>The kernel's view of this request, with the bot's own sizing rule when it has one.</summary>
    public OrderIntent ToIntent(PositionSizing? botSizing) =>
        new(Symbol, Side, Quantity, LimitPrice, SignalPrice, StopLoss, TakeProfit) { RequireExactFilters = RequireExactFilters, Sizing = botSizing, RepriceTo = RepriceTo, Reprices = Reprices };

    /// <summary>A manual order; each call is a new request with its own id.</summary>
    public static ExecutionRequest Manual(Symbol symbol, OrderSide side, decimal quantity, decimal? limitPrice) =>
        new($"manual-{Guid.NewGuid():N}", symbol, side, quantity, limitPrice) { RequireExactFilters = true };
}
