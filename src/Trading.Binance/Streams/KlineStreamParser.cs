using System.Text.Json;
using Trading.Binance.Errors;
using Trading.Binance.Json;
using Trading.Core.Model;

namespace Trading.Binance.Streams;

/// <summary>Decodes combined-stream frames; never throws: a bad frame becomes <see cref="MalformedFrame"/>.</summary>
public static class KlineStreamParser
{
    public static StreamMessage Parse(ReadOnlySpan<byte> frame)
    {
        CombinedFrameDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(frame, BinanceJsonContext.Default.CombinedFrameDto);
        }
        catch (JsonException ex)
        {
            return new MalformedFrame($"not valid JSON: {ex.Message}");
        }
        if (dto?.Data is not { } data) return new IgnoredFrame(dto?.Stream);
        if (data.EventType == "serverShutdown") return new ServerShutdown();
        if (data.EventType != "kline") return new IgnoredFrame(dto.Stream);
        if (data.Kline is not { } k) return new MalformedFrame("kline event without 'k'");
        try
        {
            return ToUpdate(k, data.EventTime);
        }
        catch (Exception ex) when (ex is BinanceMalformedResponseException or ArgumentException or FormatException)
        {
            return new MalformedFrame(ex.Message);
        }
    }

    private static KlineUpdate ToUpdate(KlineDto k, long eventTime)
    {
        var timeframe = Timeframe.Parse(k.Interval);
        var candle = new Candle(
            Symbol.Parse(k.Symbol), timeframe, k.OpenTime,
            BinanceDecimal.Parse(k.Open, "k.o"), BinanceDecimal.Parse(k.High, "k.h"), BinanceDecimal.Parse(k.Low, "k.l"),
            BinanceDecimal.Parse(k.Close, "k.c"), BinanceDecimal.Parse(k.Volume, "k.v"))
        {
            CloseTimeMs = k.CloseTime,
            QuoteVolume = BinanceDecimal.Parse(k.QuoteVolume, "k.q"),
            TradeCount = k.TradeCount,
        };
        var problem = candle.FindProblem();
        return problem is null
            ? new KlineUpdate(candle, k.IsClosed, eventTime)
            : throw new BinanceMalformedResponseException($"invalid kline: {problem}");
    }
}
