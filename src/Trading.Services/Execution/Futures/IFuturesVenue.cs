using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;
using Trading.Core.Storage;

namespace Trading.Services.Execution.Futures;

/// <summary>
/// Where a USDⓈ-M bot's orders go: the <see cref="PaperFuturesVenue"/> (the backtest's futures book against the replay) or the
/// <see cref="ExchangeFuturesVenue"/> (Binance's /fapi, or the simulator's). Both book fills into the bot's FuturesAccount and
/// report them as <see cref="FuturesBookEvent"/>s for the executor to store.
/// </summary>
public interface IFuturesVenue
{
    string Name { get; }

    /// <summary>The order that waits for a later candle to fill; null when none.</summary>
    string? PendingOrderId { get; }

    /// <summary>Sends the order once (its id is the client order id); returns what it booked at once (an exchange's fill).</summary>
    Task<IReadOnlyList<FuturesBookEvent>> PlaceAsync(string clientOrderId, FuturesOrderRequest order, CancellationToken ct);

    /// <summary>What the closed candle booked: funding, the pending order's fill, a liquidation.</summary>
    IReadOnlyList<FuturesBookEvent> OnCandle(in Candle candle);

    /// <summary>
    /// At start, an order stored before a restart: a resting one is taken back; one stored Submitted is resolved (a paper one
    /// never reached the book; an exchange one is looked up by client order id, never sent again).
    /// </summary>
    Task<IReadOnlyList<FuturesBookEvent>> ResumeAsync(FuturesOrderRecord order, CancellationToken ct);
}
