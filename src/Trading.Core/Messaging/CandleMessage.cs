using Trading.Core.Model;

namespace Trading.Core.Messaging;

/// <summary>The bus payload for candles: closed bars on candles.{SYMBOL}, the still-open bar on candles.open.{SYMBOL}.</summary>
public sealed record CandleMessage(
    string Symbol,
    string Timeframe,
    long OpenTimeMs,
    long CloseTimeMs,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    decimal? QuoteVolume,
    long? TradeCount,
    bool IsClosed)
{
    public const string ClosedType = "candle";
    public const string OpenType = "candle.open";

    public static CandleMessage From(Candle candle, bool isClosed) => new(
        candle.Symbol.Name, candle.Timeframe.Name, candle.OpenTimeMs, candle.CloseTimeMs,
        candle.Open, candle.High, candle.Low, candle.Close, candle.Volume, candle.QuoteVolume, candle.TradeCount, isClosed);

    /// <summary>Deterministic id of a closed bar, so consumers deduplicate a re-published bar.</summary>
    public static string ClosedId(Candle candle) => $"candle:{candle.Symbol.Name}:{candle.Timeframe.Name}:{candle.OpenTimeMs}";

    public Candle ToCandle() =>
        new(Model.Symbol.Parse(Symbol), Model.Timeframe.Parse(Timeframe), OpenTimeMs, Open, High, Low, Close, Volume)
        {
            CloseTimeMs = CloseTimeMs,
            QuoteVolume = QuoteVolume,
            TradeCount = TradeCount,
        };
}
