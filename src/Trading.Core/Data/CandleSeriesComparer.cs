using Trading.Core.Model;

namespace Trading.Core.Data;

/// <summary>Merge-joins two time-ordered series by open time and compares OHLCV, close time, quote volume and trades.</summary>
public static class CandleSeriesComparer
{
    public static CandleComparisonReport Compare(IEnumerable<Candle> expected, IEnumerable<Candle> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var mismatches = new List<CandleMismatch>();
        long matched = 0;
        using var e = expected.GetEnumerator();
        using var a = actual.GetEnumerator();
        bool hasE = e.MoveNext(), hasA = a.MoveNext();
        while (hasE || hasA)
        {
            if (hasE && (!hasA || e.Current.OpenTimeMs < a.Current.OpenTimeMs))
            {
                mismatches.Add(new CandleMismatch(e.Current.OpenTimeMs, "missing from the actual series"));
                hasE = e.MoveNext();
            }
            else if (hasA && (!hasE || a.Current.OpenTimeMs < e.Current.OpenTimeMs))
            {
                mismatches.Add(new CandleMismatch(a.Current.OpenTimeMs, "not in the expected series"));
                hasA = a.MoveNext();
            }
            else
            {
                var difference = Describe(e.Current, a.Current);
                if (difference is null) matched++;
                else mismatches.Add(new CandleMismatch(e.Current.OpenTimeMs, difference));
                hasE = e.MoveNext();
                hasA = a.MoveNext();
            }
        }
        return new CandleComparisonReport(matched, mismatches);
    }

    private static string? Describe(in Candle expected, in Candle actual)
    {
        var parts = new List<string>();
        void Check<T>(string name, T x, T y)
        {
            if (!EqualityComparer<T>.Default.Equals(x, y)) parts.Add($"{name} expected {x} got {y}");
        }
        Check("open", expected.Open, actual.Open);
        Check("high", expected.High, actual.High);
        Check("low", expected.Low, actual.Low);
        Check("close", expected.Close, actual.Close);
        Check("volume", expected.Volume, actual.Volume);
        Check("close time", expected.CloseTimeMs, actual.CloseTimeMs);
        if (expected.QuoteVolume is not null && actual.QuoteVolume is not null) Check("quote volume", expected.QuoteVolume, actual.QuoteVolume);
        if (expected.TradeCount is not null && actual.TradeCount is not null) Check("trades", expected.TradeCount, actual.TradeCount);
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
