namespace Trading.Core.Backtesting.Optimization;

/// <summary>
/// One walk-forward step over candle indexes: optimise on [InSampleStart, InSampleEnd), then score on
/// [InSampleEnd, OutOfSampleEnd).
/// </summary>
public readonly record struct WalkForwardFold(int Number, int InSampleStart, int InSampleEnd, int OutOfSampleEnd)
{
    public int OutOfSampleStart => InSampleEnd;

    /// <summary>
    /// Rolling folds: the candles are cut into folds + 1 equal segments; fold k optimises on segment k and is scored
    /// on segment k + 1 (the remainder of an uneven split goes to the last segment).
    /// </summary>
    public static IReadOnlyList<WalkForwardFold> Split(int candles, int folds)
    {
        if (folds < 1) throw new ArgumentOutOfRangeException(nameof(folds), "Walk-forward needs at least one fold.");
        var segment = candles / (folds + 1);
        if (segment < 2) throw new ArgumentException($"{candles} candles are too few for {folds} walk-forward folds.");
        var result = new WalkForwardFold[folds];
        for (var k = 0; k < folds; k++)
        {
            var end = k == folds - 1 ? candles : (k + 2) * segment;
            result[k] = new WalkForwardFold(k + 1, k * segment, (k + 1) * segment, end);
        }
        return result;
    }
}
