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
        new("supertrend", () => new Supertrend(), i => [i.Current, ((Supertrend)i).Direction]),
        new("keltner", () => new KeltnerChannels(), i => [((KeltnerChannels)i).Upper, ((KeltnerChannels)i).Middle, ((KeltnerChannels)i).Lower]),
        new("donchian", () => new DonchianChannels(), i => [((DonchianChannels)i).Upper, ((DonchianChannels)i).Middle, ((DonchianChannels)i).Lower]),
        new("obv", () => new Obv(), i => [i.Current]),
        new("vwap_session", Vwap.Session, i => [i.Current]),
        new("vwap_rolling", () => Vwap.Rolling(20), i => [i.Current]),
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
