using System.Globalization;
using System.Text.Json;
using Trading.Binance.Errors;
using Trading.Core.Model;

namespace Trading.Binance.Json;

/// <summary>
/// Reads /api/v3/klines: an array of 12-element arrays mixing numbers (times, trade count) and strings (prices).
/// The whole page is validated before any of it is returned, so a corrupt page stores nothing.
/// </summary>
public static class KlineArrayReader
{
    public static List<Candle> Read(ReadOnlySpan<byte> json, Symbol symbol, Timeframe timeframe)
    {
        var candles = new List<Candle>();
        try
        {
            var reader = new Utf8JsonReader(json);
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartArray, "expected an array of klines");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                Expect(reader.TokenType == JsonTokenType.StartArray, "expected each kline to be an array");
                var candle = ReadRow(ref reader, symbol, timeframe, candles.Count);
                if (candles.Count > 0 && candle.OpenTimeMs <= candles[^1].OpenTimeMs)
                    throw Malformed($"kline {candles.Count} is out of order");
                candles.Add(candle);
            }
        }
        catch (JsonException ex)
        {
            throw new BinanceMalformedResponseException($"Malformed Binance klines payload: {ex.Message}", ex);
        }
        return candles;
    }

    private static Candle ReadRow(ref Utf8JsonReader reader, Symbol symbol, Timeframe timeframe, int row)
    {
        var openTime = ReadLong(ref reader);
        var open = ReadDecimal(ref reader);
        var high = ReadDecimal(ref reader);
        var low = ReadDecimal(ref reader);
        var close = ReadDecimal(ref reader);
        var volume = ReadDecimal(ref reader);
        var closeTime = ReadLong(ref reader);
        var quoteVolume = ReadDecimal(ref reader);
        var trades = ReadLong(ref reader);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject) reader.Skip();
        }
        var candle = new Candle(symbol, timeframe, openTime, open, high, low, close, volume)
        {
            CloseTimeMs = closeTime,
            QuoteVolume = quoteVolume,
            TradeCount = trades,
        };
        var problem = candle.FindProblem();
        return problem is null ? candle : throw Malformed($"kline {row} is invalid: {problem}");
    }

    private static long ReadLong(ref Utf8JsonReader reader)
    {
        Expect(reader.Read(), "kline row ended early");
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number)) return number;
        if (reader.TokenType == JsonTokenType.String
            && long.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        throw Malformed($"expected an integer, found {reader.TokenType}");
    }

    private static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        Expect(reader.Read(), "kline row ended early");
        if (reader.TokenType == JsonTokenType.String) return BinanceDecimal.Parse(reader.GetString(), "kline");
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number)) return number;
        throw Malformed($"expected a decimal string, found {reader.TokenType}");
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition) throw Malformed(what);
    }

    private static BinanceMalformedResponseException Malformed(string what) => new($"Malformed Binance klines payload: {what}.");
}
