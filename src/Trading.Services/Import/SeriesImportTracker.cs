using Trading.Core.Data;
using Trading.Core.Model;

namespace Trading.Services.Import;

/// <summary>Accumulates the rows, span and gaps of one series as its files stream through an import.</summary>
internal sealed class SeriesImportTracker(Symbol symbol, Timeframe timeframe)
{
    private readonly GapDetector _gaps = new(timeframe);
    private readonly List<CandleGap> _found = [];
    private long _rows;
    private long _first = long.MaxValue;
    private long _last = long.MinValue;

    public void Add(IReadOnlyList<Candle> candles)
    {
        if (candles.Count == 0) return;
        _rows += candles.Count;
        _first = Math.Min(_first, candles[0].OpenTimeMs);
        _last = Math.Max(_last, candles[^1].OpenTimeMs);
        for (var i = 0; i < candles.Count; i++)
            if (_gaps.Add(candles[i].OpenTimeMs) is { } gap) _found.Add(gap);
    }

    public SeriesImportSummary ToSummary() => new(symbol, timeframe, _rows, _first, _last, _found);
}
