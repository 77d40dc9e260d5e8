using Trading.Core.Model;

namespace Trading.Core.Storage;

/// <summary>Candles keyed by (symbol, timeframe, open time). Writing an existing key updates it; it never duplicates.</summary>
public interface ICandleStore
{
    /// <summary>Validates and upserts the candles in one transaction (binary COPY on PostgreSQL). Returns rows written.</summary>
    Task<long> UpsertAsync(IEnumerable<Candle> candles, CancellationToken ct = default);

    /// <summary>Streams candles with fromMs ≤ open time &lt; toMs in time order.</summary>
    IAsyncEnumerable<Candle> ReadAsync(Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct = default);

    /// <summary>How many candles have fromMs ≤ open time &lt; toMs: what <see cref="ReadAsync"/> would stream now.</summary>
    Task<long> CountAsync(Symbol symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken ct = default);

    Task<Candle?> GetLatestAsync(Symbol symbol, Timeframe timeframe, CancellationToken ct = default);

    Task<IReadOnlyList<CandleSeriesSummary>> ListSeriesAsync(CancellationToken ct = default);
}
