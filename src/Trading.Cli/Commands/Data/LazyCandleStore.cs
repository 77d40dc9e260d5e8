using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Storage;

namespace Trading.Cli.Commands.Data;

/// <summary>
/// The candles of a store that does not exist yet: it is created (and migrated) by the first write. Until then it holds
/// nothing, so a command that ends up writing nothing leaves no empty store behind.
/// </summary>
internal sealed class LazyCandleStore(StoreLocation location, MarketType market = MarketType.Spot) : ICandleStore, IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private ITradingStore? _store;

    public async Task<long> UpsertAsync(IEnumerable<Candle> candles, CancellationToken ct = default) =>
        await (await OpenAsync(ct)).CandlesOf(market).UpsertAsync(candles, ct);

    public IAsyncEnumerable<Candle> ReadAsync(Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct = default) =>
        _store?.CandlesOf(market).ReadAsync(symbol, timeframe, fromMs, toMs, ct) ?? AsyncEnumerable.Empty<Candle>();

    public Task<long> CountAsync(Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct = default) =>
        _store?.CandlesOf(market).CountAsync(symbol, timeframe, fromMs, toMs, ct) ?? Task.FromResult(0L);

    public Task<Candle?> GetLatestAsync(Symbol symbol, Timeframe timeframe, CancellationToken ct = default) =>
        _store?.CandlesOf(market).GetLatestAsync(symbol, timeframe, ct) ?? Task.FromResult<Candle?>(null);

    public Task<IReadOnlyList<CandleSeriesSummary>> ListSeriesAsync(CancellationToken ct = default) =>
        _store?.CandlesOf(market).ListSeriesAsync(ct) ?? Task.FromResult<IReadOnlyList<CandleSeriesSummary>>([]);

    private async Task<ITradingStore> OpenAsync(CancellationToken ct)
    {
        if (_store is not null) return _store;
        await _opening.WaitAsync(ct);
        try
        {
            return _store ??= await location.OpenAsync(ct);
        }
        finally
        {
            _opening.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        _opening.Dispose();
    }
}
