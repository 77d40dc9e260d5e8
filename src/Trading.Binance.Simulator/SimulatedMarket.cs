using Trading.Core.Data;
using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Binance.Simulator;

/// <summary>The candles the simulator serves, grouped by symbol and timeframe.</summary>
public sealed class SimulatedMarket
{
    private readonly Dictionary<(Symbol, Timeframe), SimulatedSeries> _series = [];

    /// <summary>
    /// Adds candles; those opening before <paramref name="replayFromMs"/> are history served by REST from the start,
    /// the rest are replayed on the stream. Null replays nothing (all history).
    /// </summary>
    public SimulatedMarket Add(IEnumerable<Candle> candles, long? replayFromMs = null)
    {
        foreach (var group in candles.GroupBy(c => (c.Symbol, c.Timeframe)))
        {
            if (_series.ContainsKey(group.Key))
                throw new ArgumentException($"The simulator already holds {group.Key.Symbol} {group.Key.Timeframe}.", nameof(candles));
            _series[group.Key] = new SimulatedSeries(group.Key.Symbol, group.Key.Timeframe, group, replayFromMs);
        }
        return this;
    }

    /// <summary>Every candle of every series in <paramref name="store"/>, for <see cref="Add"/>.</summary>
    public static async Task<List<Candle>> ReadStoreAsync(ICandleStore store, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var candles = new List<Candle>();
        foreach (var series in await store.ListSeriesAsync(ct))
        {
            await foreach (var candle in store.ReadAsync(series.Symbol, series.Timeframe, series.FirstOpenTimeMs, series.LastOpenTimeMs + 1, ct))
                candles.Add(candle);
        }
        return candles;
    }

    public IReadOnlyCollection<SimulatedSeries> Series => _series.Values;

    public IEnumerable<Symbol> Symbols => _series.Keys.Select(k => k.Item1).Distinct();

    public SimulatedSeries? Find(Symbol symbol, Timeframe timeframe) => _series.GetValueOrDefault((symbol, timeframe));

    /// <summary>
    /// Klines at an interval that was not loaded: the closed bars of the symbol's finest series that divides it, resampled
    /// with Binance's alignment, the bucket still forming included; then Binance's start/end/limit rules.
    /// </summary>
    public IReadOnlyList<Candle> Resampled(Symbol symbol, Timeframe timeframe, long? startMs, long? endMs, int limit)
    {
        var source = _series.Values
            .Where(s => s.Symbol == symbol && s.Timeframe.DurationMs < timeframe.DurationMs && timeframe.DurationMs % s.Timeframe.DurationMs == 0)
            .MinBy(s => s.Timeframe.DurationMs);
        if (source is null) return [];
        var bars = CandleResampler.Resample(source.ClosedCandles, timeframe).Select(r => r.Candle)
            .Where(c => (startMs is null || c.OpenTimeMs >= startMs) && (endMs is null || c.OpenTimeMs <= endMs)).ToList();
        return startMs is null ? bars.TakeLast(limit).ToList() : bars.Take(limit).ToList();
    }

    public SimulatedSeries Get(Symbol symbol, Timeframe timeframe) =>
        Find(symbol, timeframe) ?? throw new KeyNotFoundException($"The simulator has no {symbol} {timeframe} data.");
}
