using Trading.Core.Model;

namespace Trading.Core.Execution;

/// <summary>The venue's best bid and ask now, for valuing a market order when no candle has priced the symbol yet.</summary>
public interface IVenueQuotes
{
    /// <summary>The best bid and ask of <paramref name="symbol"/>; a <see cref="VenueOutcomeUnknownException"/> when they cannot be read.</summary>
    Task<VenueQuote> BookTickerAsync(Symbol symbol, CancellationToken ct);
}

/// <summary>A best bid and ask (0 when that side of the book is empty).</summary>
public readonly record struct VenueQuote(decimal Bid, decimal Ask)
{
    /// <summary>What a taker on <paramref name="side"/> pays or gets at best: the ask for a buy, the bid for a sell (0 = none).</summary>
    public decimal TakerPrice(OrderSide side) => side == OrderSide.Buy ? Ask : Bid;
}
