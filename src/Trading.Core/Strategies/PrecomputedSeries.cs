namespace Trading.Core.Strategies;

/// <summary>
/// One precomputed indicator series: value i is what the streaming indicator gives after the candle at array position
/// <c>offset + i</c> (NaN while warming up). <see cref="At"/> gives only the current candle's value, so a strategy
/// cannot read ahead.
/// </summary>
public sealed class PrecomputedSeries(double[] values, int offset)
{
    public double At(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var i = context.CandleIndex - offset;
        return (uint)i < (uint)values.Length ? values[i] : double.NaN;
    }
}
