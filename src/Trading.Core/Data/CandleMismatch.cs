namespace Trading.Core.Data;

/// <summary>One open time at which two candle series disagree, and how.</summary>
public sealed record CandleMismatch(long OpenTimeMs, string Difference)
{
    public DateTimeOffset OpenTime => DateTimeOffset.FromUnixTimeMilliseconds(OpenTimeMs);

    public override string ToString() => $"{OpenTime:yyyy-MM-dd HH:mm}: {Difference}";
}
