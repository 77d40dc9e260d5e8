namespace Trading.Core.Indicators;

/// <summary>Runs a streaming indicator over whole arrays; outputs are NaN before the indicator is ready.</summary>
public static class IndicatorBatch
{
    /// <summary>Feeds every input and writes <see cref="IIndicator.Current"/> (or NaN) to the same index of <paramref name="output"/>.</summary>
    public static void Run(this ISeriesIndicator indicator, ReadOnlySpan<double> input, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        CheckLength(input.Length, output.Length);
        for (var i = 0; i < input.Length; i++)
            output[i] = indicator.Update(input[i]) ? indicator.Current : double.NaN;
    }

    /// <summary>Like <see cref="Run(ISeriesIndicator, ReadOnlySpan{double}, Span{double})"/> but writes the output chosen by <paramref name="select"/>.</summary>
    public static void Run<T>(this T indicator, ReadOnlySpan<double> input, Span<double> output, Func<T, double> select)
        where T : ISeriesIndicator
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(select);
        CheckLength(input.Length, output.Length);
        for (var i = 0; i < input.Length; i++)
            output[i] = indicator.Update(input[i]) ? select(indicator) : double.NaN;
    }

    /// <summary>Returns a new array with the indicator's value at every input.</summary>
    public static double[] Run(this ISeriesIndicator indicator, ReadOnlySpan<double> input)
    {
        var output = new double[input.Length];
        indicator.Run(input, output);
        return output;
    }

    /// <summary>Feeds every bar and writes the output chosen by <paramref name="select"/> (default <see cref="IIndicator.Current"/>), NaN before ready.</summary>
    public static void Run<T>(this T indicator, ReadOnlySpan<PriceBar> bars, Span<double> output, Func<T, double>? select = null)
        where T : IBarIndicator
    {
        ArgumentNullException.ThrowIfNull(indicator);
        CheckLength(bars.Length, output.Length);
        for (var i = 0; i < bars.Length; i++)
            output[i] = indicator.Update(bars[i]) ? (select is null ? indicator.Current : select(indicator)) : double.NaN;
    }

    /// <summary>Builds bars (time 0, open = close) from parallel high/low/close/volume arrays.</summary>
    public static PriceBar[] ToBars(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, ReadOnlySpan<double> volume)
    {
        if (high.Length != close.Length || low.Length != close.Length || volume.Length != close.Length)
            throw new ArgumentException($"high, low, close and volume must have equal lengths ({high.Length}, {low.Length}, {close.Length}, {volume.Length}).");
        var bars = new PriceBar[close.Length];
        for (var i = 0; i < bars.Length; i++)
            bars[i] = new PriceBar(0, close[i], high[i], low[i], close[i], volume[i]);
        return bars;
    }

    private static void CheckLength(int inputLength, int outputLength)
    {
        if (outputLength < inputLength)
            throw new ArgumentException($"output holds {outputLength} values but {inputLength} inputs were given.");
    }
}
