using Trading.Core.Model;

namespace Trading.Core.Data;

/// <summary>
/// How a candle's time is shown. <see cref="Open"/> is the exchange convention (bucket [open, close) keyed by
/// its open time). <see cref="Close"/> is the right-aligned view: the same bucket labelled by its end,
/// open + duration. Only the label changes; which trades fall in which bucket does not.
/// </summary>
public enum CandleLabel
{
    Open,
    Close,
}

public static class CandleLabelExtensions
{
    public static long LabelTimeMs(this in Candle candle, CandleLabel label) =>
        label == CandleLabel.Close ? candle.OpenTimeMs + candle.Timeframe.DurationMs : candle.OpenTimeMs;
}
