namespace Trading.Core.Strategies.Regime;

/// <summary>What the market is doing, as <see cref="RegimeClassifier"/> sees it.</summary>
public enum MarketRegime
{
    Uncertain,
    TrendingUp,
    TrendingDown,
    Ranging,
    HighVolatility,
}
