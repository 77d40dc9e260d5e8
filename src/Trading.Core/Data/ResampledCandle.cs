using Trading.Core.Model;

namespace Trading.Core.Data;

/// <summary>A resampled candle with how many source candles it was built from out of how many the bucket holds.</summary>
public readonly record struct ResampledCandle(Candle Candle, int SourceCount, int ExpectedSourceCount)
{
    public bool IsPartial => SourceCount < ExpectedSourceCount;
}
