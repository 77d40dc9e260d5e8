using Trading.Core.Data;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Import;

/// <summary>Lists the gaps of a stored series by streaming its open times through a <see cref="GapDetector"/>.</summary>
public static class StoredSeriesGaps
{
    public static async Task<IReadOnlyList<CandleGap>> FindAsync(ICandleStore store, Symbol symbol, Timeframe timeframe, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var detector = new GapDetector(timeframe);
        var gaps = new List<CandleGap>();
        await foreach (var candle in store.ReadAsync(symbol, timeframe, long.MinValue, long.MaxValue, ct).ConfigureAwait(false))
            if (detector.Add(candle.OpenTimeMs) is { } gap) gaps.Add(gap);
        return gaps;
    }
}
