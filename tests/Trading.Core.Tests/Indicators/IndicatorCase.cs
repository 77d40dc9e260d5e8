using Trading.Core.Indicators;

namespace Trading.Core.Tests.Indicators;

/// <summary>One indicator under the common contract tests: how to build it and which outputs to snapshot.</summary>
public sealed record IndicatorCase(string Name, Func<IIndicator> Create, Func<IIndicator, double[]> Outputs)
{
    public static bool Feed(IIndicator indicator, in PriceBar bar) => indicator switch
    {
        ISeriesIndicator series => series.Update(bar.Close),
        IBarIndicator bars => bars.Update(bar),
        _ => throw new ArgumentException($"unknown indicator kind {indicator.GetType().Name}"),
    };

    public override string ToString() => Name;
}
