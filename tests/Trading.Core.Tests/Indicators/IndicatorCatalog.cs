using Trading.Core.Indicators;

namespace Trading.Core.Tests.Indicators;

/// <summary>Every indicator with its default parameters, for the warm-up, reset and determinism tests.</summary>
public static class IndicatorCatalog
{
    public static readonly IndicatorCase[] All =
    [
        new("sma", () => new Sma(20), i => [i.Current]),
        new("ema", () => new Ema(20), i => [i.Current]),
        new("rsi", () => new Rsi(14), i => [i.Current, ((Rsi)i).AverageGain, ((Rsi)i).AverageLoss]),
        new("atr", () => new Atr(14), i => [i.Current]),
        new("true_range", () => new TrueRange(), i => [i.Current]),
        new("stddev", () => new StandardDeviation(20), i => [i.Current, ((StandardDeviation)i).Mean]),
        new("wma", () => new Wma(20), i => [i.Current]),
        new("macd", () => new Macd(), i => [((Macd)i).Line, ((Macd)i).Signal, ((Macd)i).Histogram]),
        new("adx", () => new Adx(14), i => [i.Current, ((Adx)i).PlusDi, ((Adx)i).MinusDi]),
        new("stochastic", () => new Stochastic(), i => [((Stochastic)i).K, ((Stochastic)i).D]),
        new("bollinger", () => new BollingerBands(20, 2), i => Bollinger((BollingerBands)i)),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All) data.Add(c.Name);
        return data;
    }

    public static IndicatorCase Get(string name) => All.Single(c => c.Name == name);

    private static double[] Bollinger(BollingerBands b) => [b.Middle, b.Upper, b.Lower, b.Bandwidth, b.PercentB];
}
