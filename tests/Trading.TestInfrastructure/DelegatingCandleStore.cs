using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.TestInfrastructure;

/// <summary>A real candle store with one call changed: override what the test or benchmark needs, the rest reaches <see cref="Inner"/>.</summary>
public abstract class DelegatingCandleStore(ICandleStore inner) : ICandleStore
{
    protected ICandleStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public virtual Task<long> UpsertAsync(IEnumerable<Candle> candles, CancellationToken ct = default) => Inner.UpsertAsync(candles, ct);

    public virtual IAsyncEnumerable<Candle> ReadAsync(Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct = default) =>
        Inner.ReadAsync(symbol, timeframe, fromMs, toMs, ct);

    public virtual Task<long> CountAsync(Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct = default) =>
        Inner.CountAsync(symbol, timeframe, fromMs, toMs, ct);

    public virtual Task<Candle?> GetLatestAsync(Symbol symbol, Timeframe timeframe, CancellationToken ct = default) =>
        Inner.GetLatestAsync(symbol, timeframe, ct);

    public virtual Task<IReadOnlyList<CandleSeriesSummary>> ListSeriesAsync(CancellationToken ct = default) => Inner.ListSeriesAsync(ct);
}
