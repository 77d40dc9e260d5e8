using Trading.Core.Execution;
using Trading.Core.Model;

namespace Trading.Services.Execution;

/// <summary>
/// Paper trading: the backtester's <see cref="SimulatedVenue"/> (fill model, fees, filters) with a virtual balance,
/// matched against live closed candles passed to <see cref="OnCandleAsync"/>. Thread-safe; fills go to the sink.
/// It runs on market time, as the backtester does: an order counts as placed at the close of the latest candle of its
/// symbol, so a market order decided on candle t fills at candle t+1's open whatever the wall clock says (a replay of
/// past data, or a signal that arrives a few milliseconds after t+1 opened).
/// </summary>
public sealed class PaperVenue : IExecutionVenue
{
    private readonly SimulatedVenue _venue;
    private readonly Lock _lock = new();
    private readonly Dictionary<Symbol, DateTimeOffset> _marketTimes = [];
    private Func<VenueUpdate, CancellationToken, ValueTask>? _sink;

    public PaperVenue(FillModel fillModel, decimal quoteBalance, IEnumerable<(Symbol Symbol, SymbolFilters Filters, decimal BaseBalance)> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _venue = new SimulatedVenue(fillModel, quoteBalance);
        foreach (var (symbol, filters, baseBalance) in symbols) _venue.AddSymbol(symbol, filters, baseBalance);
    }

    public string Name => "paper";

    public decimal QuoteBalance { get { lock (_lock) return _venue.QuoteBalance; } }

    public decimal BaseBalance(Symbol symbol) { lock (_lock) return _venue.BaseBalance(symbol); }

    public IReadOnlyList<Order> OpenOrders { get { lock (_lock) return _venue.OpenOrders.ToArray(); } }

    public void Attach(Func<VenueUpdate, CancellationToken, ValueTask> sink) => _sink = sink;

    public Task<IReadOnlyList<VenueUpdate>> PlaceAsync(Order submitted, CancellationToken ct)
    {
        VenueUpdate update;
        lock (_lock)
        {
            var at = _marketTimes.TryGetValue(submitted.Symbol, out var marketTime) ? marketTime : submitted.UpdatedAt;
            update = _venue.Submit(submitted, at);
        }
        return Task.FromResult<IReadOnlyList<VenueUpdate>>([update]);
    }

    public Task<IReadOnlyList<VenueUpdate>> PlaceExitAsync(Order submitted, ProtectiveExitTrigger trigger, CancellationToken ct)
    {
        var updates = new List<VenueUpdate>(2);
        lock (_lock) _venue.FillExit(submitted, trigger, updates);
        return Task.FromResult<IReadOnlyList<VenueUpdate>>(updates.Select(Qualify).ToList());
    }

    /// <summary>The paper venue lives in memory: an order it does not hold (e.g. from before a restart) is unknown to it.</summary>
    public Task<IReadOnlyList<VenueUpdate>?> QueryAsync(Order stored, CancellationToken ct)
    {
        lock (_lock)
        {
            var held = _venue.OpenOrders.FirstOrDefault(o => o.ClientOrderId == stored.ClientOrderId);
            if (held is null) return Task.FromResult<IReadOnlyList<VenueUpdate>?>(null);
            IReadOnlyList<VenueUpdate> updates = stored.Status == OrderStatus.Submitted
                ? [VenueUpdate.From(OrderStateMachine.Accept(stored, held.ExchangeOrderId, held.UpdatedAt))]
                : [];
            return Task.FromResult<IReadOnlyList<VenueUpdate>?>(updates);
        }
    }

    public Task<IReadOnlyList<VenueUpdate>> CancelAsync(Order stored, CancellationToken ct)
    {
        var updates = new List<VenueUpdate>(2);
        bool cancelled;
        lock (_lock) cancelled = _venue.TryCancel(stored.Id, DateTimeOffset.UtcNow, updates);
        if (!cancelled) throw new VenueRejectedException($"order {stored.Id} is not open at the paper venue");
        return Task.FromResult<IReadOnlyList<VenueUpdate>>(updates);
    }

    /// <summary>Matches the open orders against one closed candle and reports the resulting transitions to the sink.</summary>
    public ValueTask OnCandleAsync(Candle candle, CancellationToken ct) => MatchAsync(candle, candle.CloseTime, ct);

    private async ValueTask MatchAsync(Candle candle, DateTimeOffset marketTime, CancellationToken ct)
    {
        List<VenueUpdate>? updates = null;
        lock (_lock)
        {
            if (!_marketTimes.TryGetValue(candle.Symbol, out var seen) || marketTime > seen) _marketTimes[candle.Symbol] = marketTime;
            if (_venue.OpenOrderCount > 0) _venue.OnCandle(candle, updates = []);
            else _venue.OnCandle(candle, Array.Empty<VenueUpdate>());
        }
        if (updates is null || _sink is null) return;
        foreach (var update in updates) await _sink(Qualify(update), ct);
    }

    /// <summary>The simulated venue counts fill ids from 1 in each process: prefix the order id so they stay unique in the store.</summary>
    private static VenueUpdate Qualify(VenueUpdate update) =>
        update.Fill is { } fill ? update with { Fill = fill with { Id = $"{update.Order.Id}-{fill.Id}" } } : update;

    /// <summary>
    /// Matches open orders at one known price (a one-price bar at <paramref name="time"/>): how a one-shot CLI order
    /// fills against the latest stored price.
    /// </summary>
    public ValueTask MatchAtAsync(Symbol symbol, decimal price, DateTimeOffset time, CancellationToken ct)
    {
        var bar = new Candle(symbol, Timeframe.M1, time.ToUnixTimeMilliseconds(), price, price, price, price, 0m);
        return MatchAsync(bar, time, ct);
    }
}
