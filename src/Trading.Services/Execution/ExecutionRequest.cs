using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Services.Execution;

/// <summary>
/// One <see cref="OrderIntent"/> as the executor receives it, from a strategy's signal or a person (CLI/API): with the
/// signal id that seeds the client order id, and the bot whose sizing rule applies.
/// </summary>
public sealed record ExecutionRequest(string SignalId, OrderIntent Intent, string? BotId = null)
{
    public Symbol Symbol => Intent.Symbol;

    public OrderSide Side => Intent.Side;

    /// <summary>The open order this one replaces in one request (a re-priced limit entry on a venue that can); null otherwise.</summary>
    public Order? Replaces { get; init; }

    public static ExecutionRequest FromSignal(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new ExecutionRequest(signal.Id, OrderIntent.FromSignal(signal), signal.BotId);
    }

    /// <summary>A manual order, refused unless it sits on the tick and step; each call is a new request with its own id.</summary>
    public static ExecutionRequest Manual(Symbol symbol, OrderSide side, decimal quantity, decimal? limitPrice) =>
        new($"manual-{Guid.NewGuid():N}", new OrderIntent(symbol, side, quantity, limitPrice) { RequireExactFilters = true });
}
