using System.Buffers;
using System.Text.Json;
using Trading.Binance.Json;
using Trading.Core.Model;

namespace Trading.Binance.Simulator;

/// <summary>Writes the simulator's answers in exactly Binance's field names, order and types.</summary>
public static class SimulatorJson
{
    /// <summary>Kline rows; <paramref name="takerBuy"/> gives each row's taker-buy base and quote volume (0 without it).</summary>
    public static byte[] Klines(IEnumerable<Candle> candles, Func<Candle, (decimal Base, decimal Quote)>? takerBuy = null) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var c in candles)
        {
            w.WriteStartArray();
            w.WriteNumberValue(c.OpenTimeMs);
            w.WriteStringValue(BinanceDecimal.Format(c.Open));
            w.WriteStringValue(BinanceDecimal.Format(c.High));
            w.WriteStringValue(BinanceDecimal.Format(c.Low));
            w.WriteStringValue(BinanceDecimal.Format(c.Close));
            w.WriteStringValue(BinanceDecimal.Format(c.Volume));
            w.WriteNumberValue(c.CloseTimeMs);
            w.WriteStringValue(BinanceDecimal.Format(c.QuoteVolume ?? 0m));
            w.WriteNumberValue(c.TradeCount ?? 0);
            var (takerBase, takerQuote) = takerBuy?.Invoke(c) ?? (0m, 0m);
            w.WriteStringValue(BinanceDecimal.Format(takerBase));
            w.WriteStringValue(BinanceDecimal.Format(takerQuote));
            w.WriteStringValue("0");
            w.WriteEndArray();
        }
        w.WriteEndArray();
    });

    /// <summary>A raw kline event {"e":"kline",..,"k":{..}}; the hub wraps it for combined streams. <paramref name="takerBuy"/> fills V and Q.</summary>
    public static byte[] KlineEvent(Candle c, bool closed, long eventTimeMs, (decimal Base, decimal Quote) takerBuy = default) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", "kline");
        w.WriteNumber("E", eventTimeMs);
        w.WriteString("s", c.Symbol.Name);
        w.WriteStartObject("k");
        w.WriteNumber("t", c.OpenTimeMs);
        w.WriteNumber("T", c.CloseTimeMs);
        w.WriteString("s", c.Symbol.Name);
        w.WriteString("i", c.Timeframe.Name);
        var trades = c.TradeCount ?? 0;
        w.WriteNumber("f", trades == 0 ? -1 : c.OpenTimeMs);
        w.WriteNumber("L", trades == 0 ? -1 : c.OpenTimeMs + trades - 1);
        w.WriteString("o", BinanceDecimal.Format(c.Open));
        w.WriteString("c", BinanceDecimal.Format(c.Close));
        w.WriteString("h", BinanceDecimal.Format(c.High));
        w.WriteString("l", BinanceDecimal.Format(c.Low));
        w.WriteString("v", BinanceDecimal.Format(c.Volume));
        w.WriteNumber("n", trades);
        w.WriteBoolean("x", closed);
        w.WriteString("q", BinanceDecimal.Format(c.QuoteVolume ?? 0m));
        w.WriteString("V", BinanceDecimal.Format(takerBuy.Base));
        w.WriteString("Q", BinanceDecimal.Format(takerBuy.Quote));
        w.WriteString("B", "0");
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static byte[] ServerShutdown(long eventTimeMs) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", "serverShutdown");
        w.WriteNumber("E", eventTimeMs);
        w.WriteEndObject();
    });

    /// <summary>A combined-stream frame: {"stream":"name","data":payload}.</summary>
    public static byte[] Combined(string stream, byte[] payload) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("stream", stream);
        w.WritePropertyName("data");
        w.WriteRawValue(payload, skipInputValidation: true);
        w.WriteEndObject();
    });

    public static byte[] ServerTime(long serverTimeMs) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("serverTime", serverTimeMs);
        w.WriteEndObject();
    });

    public static byte[] Error(int code, string message) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("code", code);
        w.WriteString("msg", message);
        w.WriteEndObject();
    });

    internal static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
