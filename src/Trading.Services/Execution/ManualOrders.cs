using Microsoft.Extensions.Logging;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Configuration;
using Trading.Services.Portfolio;

namespace Trading.Services.Execution;

/// <summary>
/// An order a person places (`trading order buy|sell`, POST /orders): a fresh executor for the mode, the risk gate, and in
/// paper mode a match at once against the latest stored price, in the same step under the store's trading lock. On an
/// exchange a market order with no stored price is valued at the exchange's book ticker.
/// </summary>
public static class ManualOrders
{
    public static async Task<OrderExecutor> CreateExecutorAsync(ITradingStore store, IMessageBus bus, TradingSettings settings, ExecutionMode mode,
        ILogger logger, TimeProvider time, IExecutionVenue? exchangeVenue = null, CancellationToken ct = default) =>
        await ExecutorFactory.CreateAsync(store, bus, ExecutionServiceCollectionExtensions.OptionsFrom(settings, mode), ExecutorFactory.LimitsFrom(settings),
            await SymbolDirectory.ForModeAsync(settings, mode, store, time, ct), time, logger, exchangeVenue: exchangeVenue, ct: ct);

    public static async Task<ExecutionOutcome> PlaceAsync(ITradingStore store, OrderExecutor executor, ExecutionRequest request, TimeProvider time,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(request);
        var latest = executor.Venue?.SimulatedBook is not null
            ? (await PortfolioReplay.LatestPricesAsync(store, ct)).FirstOrDefault(p => p.Symbol == request.Symbol).Price
            : 0m;
        if (latest > 0) return await executor.ExecuteAtPriceAsync(request, latest, time.GetUtcNow(), ct);
        await PriceFromExchangeAsync(executor, request, time, ct);
        return await executor.ExecuteAsync(request, ct);
    }

    /// <summary>
    /// A market order on an exchange whose symbol no stored candle has priced yet (a fresh store) is valued at the exchange's
    /// book ticker: the ask for a buy, the bid for a sell. When the ticker cannot be read the gate denies it for want of a price.
    /// </summary>
    private static async Task PriceFromExchangeAsync(OrderExecutor executor, ExecutionRequest request, TimeProvider time, CancellationToken ct)
    {
        if (request.Intent.LimitPrice is not null || executor.Venue?.Quotes is not { } quotes || executor.Market.TryGetLatestPrice(request.Symbol, out _)) return;
        try
        {
            var price = (await quotes.BookTickerAsync(request.Symbol, ct)).TakerPrice(request.Side);
            if (price > 0) executor.Market.Account.Mark(request.Symbol, price, time.GetUtcNow());
        }
        catch (VenueOutcomeUnknownException)
        {
            // No price: the risk gate denies the market order with "no market price".
        }
    }
}
