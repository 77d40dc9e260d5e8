namespace Trading.Core.Strategies.Regime;

/// <summary>Thresholds and periods of <see cref="RegimeClassifier"/>; the defaults are the documented ones.</summary>
public sealed record RegimeClassifierOptions
{
    public int AdxPeriod { get; init; } = 14;
    public double AdxThreshold { get; init; } = 25;
    public int AtrPeriod { get; init; } = 14;

    /// <summary>How many past values of ATR% and Bollinger width form their "own history" (an SMA including the current one).</summary>
    public int Lookback { get; init; } = 100;

    /// <summary>HIGH_VOLATILITY when ATR% exceeds this multiple of its history mean.</summary>
    public double VolatilityRatio { get; init; } = 1.5;

    public int BollingerPeriod { get; init; } = 20;
    public double BollingerStdDev { get; init; } = 2.0;

    /// <summary>RANGING needs the Bollinger width at least this multiple of its history mean; narrower is a squeeze.</summary>
    public double SqueezeRatio { get; init; } = 0.75;
}
