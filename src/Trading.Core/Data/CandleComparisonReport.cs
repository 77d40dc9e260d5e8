namespace Trading.Core.Data;

/// <summary>The result of comparing two candle series bar by bar: how many matched and every mismatch.</summary>
public sealed record CandleComparisonReport(long Matched, IReadOnlyList<CandleMismatch> Mismatches)
{
    public bool IsEqual => Mismatches.Count == 0;

    public IEnumerable<DateTimeOffset> MismatchedOpenTimes => Mismatches.Select(m => m.OpenTime);
}
