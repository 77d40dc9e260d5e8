using Trading.Binance.Errors;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Binance.Execution;

/// <summary>The exchange's best bid and ask (GET /api/v3/ticker/bookTicker), when the venue was given its market-data client.</summary>
public sealed partial class BinanceVenue : IVenueQuotes
{
    /// <summary>The unsigned market-data client at the same address; without it the venue offers no <see cref="Quotes"/>.</summary>
    public BinanceMarketDataClient? MarketData { get; init; }

    public IVenueQuotes? Quotes => MarketData is null ? null : this;

    public async Task<VenueQuote> BookTickerAsync(Symbol symbol, CancellationToken ct)
    {
        var market = MarketData ?? throw new InvalidOperationException("The venue has no market-data client.");
        try
        {
            var (bid, ask) = await market.GetBookTickerAsync(symbol, ct);
            return new VenueQuote(bid, ask);
        }
        catch (Exception e) when (e is BinanceApiException or BinanceTransientException or BinanceUnavailableException or BinanceBannedException
                                       or BinanceMalformedResponseException or HttpRequestException)
        {
            throw new VenueOutcomeUnknownException($"the book ticker of {symbol} could not be read: {e.Message}", e);
        }
    }
}
