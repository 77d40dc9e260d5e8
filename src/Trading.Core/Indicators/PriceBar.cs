using Trading.Core.Model;

namespace Trading.Core.Indicators;

/// <summary>The fields of a bar that indicators read, as doubles; <see cref="TimeMs"/> is the bar's open time in Unix ms UTC.</summary>
public readonly record struct PriceBar(long TimeMs, double Open, double High, double Low, double Close, double Volume)
{
    public static PriceBar From(in Candle candle) => new(
        candle.OpenTimeMs,
        (double)candle.Open,
        (double)candle.High,
        (double)candle.Low,
        (double)candle.Close,
        (double)candle.Volume);
}
