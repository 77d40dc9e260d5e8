using Trading.Core.Model;
using Trading.Core.Portfolio;
using Trading.Core.Storage;

namespace Trading.Services.Portfolio;

/// <summary>
/// The portfolio manager's state: a <see cref="PortfolioAccount"/> rebuilt from the store and fed with fills and
/// closed candles. Candles only mark the account in memory. A fill writes what it changed (the quote balance, the
/// symbol's position and base balance). Snapshots follow their schedule: once per UTC day (on the first mark of a new
/// day), at <see cref="SnapshotInterval"/> when set, after a balance reconciliation and when the service stops.
/// Not thread-safe: the service calls it from one place at a time.
/// </summary>
public sealed class PortfolioTracker(ITradingStore store, decimal initialQuote, TimeSpan? snapshotInterval = null)
{
    private readonly HashSet<Symbol> _symbols = [];
    private DateTimeOffset _lastSnapshot = DateTimeOffset.MinValue;
    private long? _lastSequence;

    public PortfolioAccount Account { get; private set; } = new(initialQuote, DateTimeOffset.UnixEpoch);

    public TimeSpan? SnapshotInterval { get; } = snapshotInterval;

    public async Task InitializeAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        Account = await PortfolioReplay.BuildAsync(store, initialQuote, now, ct);
        await CatchUpAsync(null, ct); // the fills the replay read are known; this adds their symbols and any stored since
        await PersistAsync(ct);
        await SnapshotAsync(ct);
    }

    /// <summary>Books a fill (a fill seen before is ignored) and persists what it changed; true when it was new.</summary>
    public async Task<bool> OnFillAsync(Fill fill, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (!Account.Apply(fill)) return false;
        _symbols.Add(fill.Symbol);
        var position = Account.GetPosition(fill.Symbol);
        await store.Portfolio.SaveHoldingsAsync(
            [(Account.QuoteAsset, Account.Cash, 0m), (fill.Symbol.BaseAsset, position.Quantity, 0m)], [position], ct);
        return true;
    }

    /// <summary>
    /// Books the fills stored since the last catch-up, in booking order (a fill seen before is ignored), and returns those
    /// that were new. This is how a fill is booked that its executor stored but never published (killed in between);
    /// one the account cannot book is reported through <paramref name="unbookable"/> and skipped (the next catch-up starts after it).
    /// </summary>
    public async Task<IReadOnlyList<Fill>> CatchUpAsync(Action<Fill, string>? unbookable = null, CancellationToken ct = default)
    {
        var booked = new List<Fill>();
        foreach (var stored in await store.Orders.GetFillsBookedAfterAsync(_lastSequence, ct))
        {
            _lastSequence = Math.Max(_lastSequence ?? 0, stored.Sequence);
            _symbols.Add(stored.Fill.Symbol);
            try
            {
                if (await OnFillAsync(stored.Fill, ct)) booked.Add(stored.Fill);
            }
            catch (PortfolioException e)
            {
                unbookable?.Invoke(stored.Fill, e.Message);
            }
        }
        _lastSequence ??= 0;
        return booked;
    }

    /// <summary>Writes a snapshot of the account now (the service does so when it stops).</summary>
    public Task SnapshotNowAsync(CancellationToken ct = default) => SnapshotAsync(ct);

    /// <summary>Persists positions, balances and a snapshot after the account changed outside a fill (a balance reconciliation).</summary>
    public async Task SaveAsync(CancellationToken ct = default)
    {
        foreach (var position in Account.OpenPositions()) _symbols.Add(position.Symbol);
        await PersistAsync(ct);
        await SnapshotAsync(ct);
    }

    public async Task OnCandleAsync(Candle candle, CancellationToken ct = default)
    {
        var previousDay = Account.LastUpdate.UtcDateTime.Date;
        Account.Mark(candle.Symbol, candle.Close, candle.CloseTime);
        var newDay = Account.LastUpdate.UtcDateTime.Date != previousDay;
        var intervalDue = SnapshotInterval is { } interval && Account.LastUpdate - _lastSnapshot >= interval;
        if (!newDay && !intervalDue) return;
        if (_symbols.Contains(candle.Symbol)) await PersistAsync(ct);
        await SnapshotAsync(ct);
    }

    private async Task SnapshotAsync(CancellationToken ct)
    {
        await store.Portfolio.SaveSnapshotAsync(Account.Snapshot(), ct);
        _lastSnapshot = Account.LastUpdate;
    }

    private async Task PersistAsync(CancellationToken ct)
    {
        await store.Portfolio.SaveBalanceAsync(Account.QuoteAsset, Account.Cash, 0m, ct);
        foreach (var symbol in _symbols) await PersistAsync(symbol, ct);
    }

    private async Task PersistAsync(Symbol symbol, CancellationToken ct)
    {
        var position = Account.GetPosition(symbol);
        await store.Portfolio.SavePositionAsync(position, ct);
        await store.Portfolio.SaveBalanceAsync(symbol.BaseAsset, position.Quantity, 0m, ct);
    }
}
