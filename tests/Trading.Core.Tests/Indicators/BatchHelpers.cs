using Trading.Core.Indicators;

namespace Trading.Core.Tests.Indicators;

internal static class BatchHelpers
{
    public static double[] RunSelect<T>(this T indicator, double[] input, Func<T, double> select)
        where T : ISeriesIndicator
    {
        var output = new double[input.Length];
        indicator.Run(input, output, select);
        return output;
    }

    public static double[] RunSelect<T>(this T indicator, PriceBar[] bars, Func<T, double> select)
        where T : IBarIndicator
    {
        var output = new double[bars.Length];
        indicator.Run(bars, output, select);
        return output;
    }
}
