using Trading.Core.Indicators;

namespace Trading.Core.Tests.Indicators;

/// <summary>Hand-written bars for worked examples.</summary>
public static class Ohlc
{
    public static PriceBar Bar(double high, double low, double close, double volume = 1, long timeMs = 0) =>
        new(timeMs, close, high, low, close, volume);

    public static double[] Run(IBarIndicator indicator, params PriceBar[] bars)
    {
        var output = new double[bars.Length];
        indicator.Run(bars, output);
        return output;
    }

    /// <summary>True range per bar from the textbook definition; NaN for the first bar.</summary>
    public static double[] TrueRanges(PriceBar[] bars)
    {
        var tr = Expect.NaNs(bars.Length);
        for (var i = 1; i < bars.Length; i++)
        {
            var previousClose = bars[i - 1].Close;
            tr[i] = Math.Max(bars[i].High - bars[i].Low, Math.Max(Math.Abs(bars[i].High - previousClose), Math.Abs(bars[i].Low - previousClose)));
        }
        return tr;
    }

    /// <summary>Wilder's smoothing of <paramref name="x"/> from index <paramref name="first"/>: the mean of the first n, then (prev·(n-1) + x)/n.</summary>
    public static double[] Wilder(double[] x, int first, int n)
    {
        var output = Expect.NaNs(x.Length);
        var sum = 0.0;
        for (var i = first; i < first + n; i++) sum += x[i];
        var previous = sum / n;
        output[first + n - 1] = previous;
        for (var i = first + n; i < x.Length; i++)
        {
            previous = ((previous * (n - 1)) + x[i]) / n;
            output[i] = previous;
        }
        return output;
    }
}
