using Trading.Core.Model;

namespace Trading.Core.Indicators;

/// <summary>Convenience overloads that feed a <see cref="Candle"/> to an indicator.</summary>
public static class IndicatorExtensions
{
    /// <summary>Feeds the candle's close.</summary>
    public static bool Update(this ISeriesIndicator indicator, in Candle candle)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Update((double)candle.Close);
    }

    /// <summary>Feeds the candle's time, prices and volume.</summary>
    public static bool Update(this IBarIndicator indicator, in Candle candle)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Update(PriceBar.From(candle));
    }
}
