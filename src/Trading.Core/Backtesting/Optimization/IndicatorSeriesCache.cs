using System.Collections.Concurrent;
using Trading.Core.Indicators;
using Trading.Core.Model;
using Trading.Core.Strategies;

namespace Trading.Core.Backtesting.Optimization;

/// <summary>
/// Indicator series over the closes of one <see cref="BacktestData"/>, computed once per (indicator, period, first
/// candle) and shared by every trial and thread. A series starts at the run's first candle, exactly as a strategy's
/// own indicator would, so precomputed and streaming runs give identical results.
/// </summary>
public sealed class IndicatorSeriesCache(BacktestData data)
{
    private readonly ConcurrentDictionary<(string, int, int), Lazy<PrecomputedSeries?>> _series = new();

    public int Computed => _series.Count;

    /// <summary>The series for runs that start at candle <paramref name="start"/>.</summary>
    public IPrecomputedIndicators ForRunStartingAt(int start) => new View(this, start);

    private PrecomputedSeries? Get(string indicator, int period, int start) =>
        _series.GetOrAdd((indicator, period, start), key => new Lazy<PrecomputedSeries?>(() => Compute(key.Item1, key.Item2, key.Item3))).Value;

    private PrecomputedSeries? Compute(string indicator, int period, int start)
    {
        ISeriesIndicator? streaming = indicator switch
        {
            "rsi" when period >= 2 => new Rsi(period),
            "sma" when period >= 1 => new Sma(period),
            "ema" when period >= 1 => new Ema(period),
            _ => null,
        };
        if (streaming is null) return null;
        var candles = data.Candles.Span[start..];
        var values = new double[candles.Length];
        for (var i = 0; i < candles.Length; i++)
        {
            streaming.Update((double)candles[i].Close);
            values[i] = streaming.IsReady ? streaming.Current : double.NaN;
        }
        return new PrecomputedSeries(values, start);
    }

    private sealed class View(IndicatorSeriesCache cache, int start) : IPrecomputedIndicators
    {
        public PrecomputedSeries? Find(string indicator, int period) => cache.Get(indicator, period, start);
    }
}
