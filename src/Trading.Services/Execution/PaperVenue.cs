using System.Globalization;
using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Services.Execution;

/// <summary>
/// Paper trading: the backtester's <see cref="SimulatedVenue"/> (fill model, fees, filters) with a virtual balance,
/// matched against closed candles. The account and the resting orders are the store's: the executor <see cref="Load"/>s
/// them into a fresh book under the store's trading lock before each step, so every process matches the same orders.
/// It runs on market time, as the backtester does: an order counts as placed at the close of the latest candle of its
/// symbol, so a market order decided on candle t fills at candle t+1's open whatever the wall clock says (a replay of
/// past data, or a signal that arrives a few milliseconds after t+1 opened). Not thread-safe: the executor's lock guards it.
/// </summary>
public sealed class PaperVenue : IExecutionVenue, ISimulatedBook
{
    private readonly FillModel _fillModel;
    private readonly Dictionary<Symbol, SymbolFilters> _filters = [];
    private readonly Dictionary<Symbol, (decimal Price, DateTimeOffset Time)> _markets = [];
    private SimulatedVenue _venue;

    public PaperVenue(FillModel fillModel, decimal quoteBalance, IEnumerable<(Symbol Symbol, SymbolFilters Filters, decimal BaseBalance)> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _fillModel = fillModel ?? throw new ArgumentNullException(nameof(fillModel));
        var list = symbols.ToList();
        foreach (var (symbol, filters, _) in list) _filters[symbol] = filters;
        var bases = list.ToDictionary(s => s.Symbol, s => s.BaseBalance);
        _venue = NewBook(quoteBalance, bases.GetValueOrDefault);
    }

    public string Name => "paper";

    public ISimulatedBook? SimulatedBook => this;

    /// <summary>The paper account is the store's: there is nothing apart from it to reconcile.</summary>
    public IVenueAccount? Account => null;

    public decimal QuoteBalance => _venue.QuoteBalance;

    public decimal BaseBalance(Symbol symbol) => _venue.BaseBalance(symbol);

    public IReadOnlyList<Order> OpenOrders => _venue.OpenOrders.ToArray();

    /// <summary>Paper updates are returned to the caller, who holds the lock; there is nothing to push later.</summary>
    public void Attach(Func<VenueUpdate, CancellationToken, ValueTask> sink) { }

    /// <summary>
    /// Replaces the book with the store's state: the balances and the open paper orders (New or PartiallyFilled) of the known
    /// symbols. An order rests from its acceptance (its last update, in market time), as it did where it was placed.
    /// </summary>
    public void Load(decimal quoteBalance, Func<Symbol, decimal> baseBalance, IEnumerable<Order> openOrders)
    {
        ArgumentNullException.ThrowIfNull(openOrders);
        var venue = NewBook(quoteBalance, baseBalance);
        foreach (var order in openOrders)
        {
            if (order.Status is not (OrderStatus.New or OrderStatus.PartiallyFilled) || !_filters.ContainsKey(order.Symbol)) continue;
            var seenUpTo = _markets.TryGetValue(order.Symbol, out var market) ? market.Time : DateTimeOffset.MinValue;
            venue.Restore(order, order.UpdatedAt, hasSeenCandle: seenUpTo > order.UpdatedAt);
        }
        _venue = venue;
    }

    /// <summary>Records the latest known price and market time of a symbol without matching (a process without live candles).</summary>
    public void SetMarket(Symbol symbol, decimal price, DateTimeOffset time)
    {
        if (price <= 0) return;
        if (!_markets.TryGetValue(symbol, out var seen) || time > seen.Time) _markets[symbol] = (price, time);
        if (_filters.ContainsKey(symbol)) _venue.SetLastPrice(symbol, _markets[symbol].Price);
    }

    public Task<IReadOnlyList<VenueUpdate>> PlaceAsync(Order submitted, CancellationToken ct)
    {
        var at = _markets.TryGetValue(submitted.Symbol, out var market) ? market.Time : submitted.UpdatedAt;
        return Task.FromResult<IReadOnlyList<VenueUpdate>>([_venue.Submit(submitted, at)]);
    }

    public Task<IReadOnlyList<VenueUpdate>> PlaceExitAsync(Order submitted, ProtectiveExitTrigger trigger, CancellationToken ct)
    {
        var updates = new List<VenueUpdate>(2);
        _venue.FillExit(submitted, trigger, updates);
        return Task.FromResult<IReadOnlyList<VenueUpdate>>(updates.ConvertAll(Qualify));
    }

    /// <summary>An order the book does not hold was never accepted (a crash before it was sent): unknown to the venue.</summary>
    public Task<IReadOnlyList<VenueUpdate>?> QueryAsync(Order stored, CancellationToken ct)
    {
        var held = _venue.OpenOrders.FirstOrDefault(o => o.ClientOrderId == stored.ClientOrderId);
        if (held is null) return Task.FromResult<IReadOnlyList<VenueUpdate>?>(null);
        IReadOnlyList<VenueUpdate> updates = stored.Status == OrderStatus.Submitted
            ? [VenueUpdate.From(OrderStateMachine.Accept(stored, held.ExchangeOrderId, held.UpdatedAt))]
            : [];
        return Task.FromResult<IReadOnlyList<VenueUpdate>?>(updates);
    }

    public Task<IReadOnlyList<VenueUpdate>> CancelAsync(Order stored, CancellationToken ct)
    {
        var updates = new List<VenueUpdate>(2);
        if (!_venue.TryCancel(stored.Id, DateTimeOffset.UtcNow, updates))
            throw new VenueRejectedException($"order {stored.Id} is not open at the paper venue");
        return Task.FromResult<IReadOnlyList<VenueUpdate>>(updates);
    }

    /// <summary>Matches the open orders against one closed candle; the transitions, for the caller to apply.</summary>
    public IReadOnlyList<VenueUpdate> OnCandle(Candle candle)
    {
        SetMarket(candle.Symbol, candle.Close, candle.CloseTime);
        if (_venue.OpenOrderCount == 0)
        {
            _venue.OnCandle(candle, Array.Empty<VenueUpdate>());
            return [];
        }
        var updates = new List<VenueUpdate>();
        _venue.OnCandle(candle, updates);
        return updates.ConvertAll(Qualify);
    }

    /// <summary>
    /// Matches one order at one known price (a one-price bar at <paramref name="time"/>): how a one-shot CLI order fills against
    /// the latest stored price. Other resting orders wait for real candles.
    /// </summary>
    public IReadOnlyList<VenueUpdate> MatchOrderAt(Order open, decimal price, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(open);
        var held = _venue.OpenOrders.FirstOrDefault(o => o.Id == open.Id);
        if (held is null || price <= 0) return [];
        var single = new SimulatedVenue(_fillModel, _venue.QuoteBalance);
        single.AddSymbol(held.Symbol, _filters[held.Symbol], _venue.BaseBalance(held.Symbol));
        single.SetLastPrice(held.Symbol, _venue.LastPrice(held.Symbol));
        single.Restore(held, held.UpdatedAt, hasSeenCandle: false);
        var at = Math.Max(time.ToUnixTimeMilliseconds(), held.UpdatedAt.ToUnixTimeMilliseconds()); // never before it was placed
        var updates = new List<VenueUpdate>();
        single.OnCandle(new Candle(held.Symbol, Timeframe.M1, at, price, price, price, price, 0m), updates);
        return updates.ConvertAll(Qualify);
    }

    private SimulatedVenue NewBook(decimal quoteBalance, Func<Symbol, decimal> baseBalance)
    {
        ArgumentNullException.ThrowIfNull(baseBalance);
        var venue = new SimulatedVenue(_fillModel, Math.Max(0m, quoteBalance));
        foreach (var (symbol, filters) in _filters)
        {
            venue.AddSymbol(symbol, filters, Math.Max(0m, baseBalance(symbol)));
            if (_markets.TryGetValue(symbol, out var market)) venue.SetLastPrice(symbol, market.Price);
        }
        return venue;
    }

    /// <summary>
    /// Each book counts fill ids from 1, and books are rebuilt every step: name a fill by its order and the order's filled
    /// quantity after it, which grows with every fill, so the id is unique in the store and the same in every process.
    /// </summary>
    private static VenueUpdate Qualify(VenueUpdate update) =>
        update.Fill is { } fill
            ? update with { Fill = fill with { Id = $"{update.Order.Id}-F{update.Order.FilledQuantity.ToString(CultureInfo.InvariantCulture)}" } }
            : update;
}
