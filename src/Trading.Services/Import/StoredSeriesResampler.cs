using Trading.Core.Data;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Import;

/// <summary>Resamples a stored series into a coarser stored series in one streaming pass, writing in large batches.</summary>
public static class StoredSeriesResampler
{
    private const int BatchSize = 100_000;

    /// <summary>Returns the candles written and the partial buckets (fewer source candles than they hold; written unless skipped).</summary>
    public static async Task<(long Written, IReadOnlyList<ResampledCandle> Partial)> ResampleAsync(
        ICandleStore store, Symbol symbol, Timeframe source, Timeframe target, bool skipPartial = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var resampler = new CandleResampler(target);
        var partial = new List<ResampledCandle>();
        var batch = new List<Candle>(BatchSize);
        long written = 0;

        async Task TakeAsync(ResampledCandle? closed)
        {
            if (closed is not { } c) return;
            if (c.IsPartial) partial.Add(c);
            if (c.IsPartial && skipPartial) return;
            batch.Add(c.Candle);
            if (batch.Count < BatchSize) return;
            written += await store.UpsertAsync(batch, ct).ConfigureAwait(false);
            batch.Clear();
        }

        await foreach (var candle in store.ReadAsync(symbol, source, long.MinValue, long.MaxValue, ct).ConfigureAwait(false))
            await TakeAsync(resampler.Add(candle)).ConfigureAwait(false);
        await TakeAsync(resampler.Flush()).ConfigureAwait(false);
        if (batch.Count > 0) written += await store.UpsertAsync(batch, ct).ConfigureAwait(false);
        return (written, partial);
    }
}
