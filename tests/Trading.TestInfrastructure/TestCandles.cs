using Trading.Core.Model;

namespace Trading.TestInfrastructure;

/// <summary>A deterministic random-walk series of valid candles.</summary>
public static class TestCandles
{
    public static readonly Symbol BtcUsdt = new("BTCUSDT");
    public static readonly long Start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static List<Candle> Generate(int count, Timeframe? timeframe = null, Symbol? symbol = null, long? startMs = null)
    {
        var tf = timeframe ?? Timeframe.M1;
        var random = new Random(42);
        var price = 42_000m;
        var candles = new List<Candle>(count);
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = Math.Round(open + (decimal)(random.NextDouble() - 0.5) * 40m, 2);
            var high = Math.Max(open, close) + 5m;
            var low = Math.Min(open, close) - 5m;
            var volume = Math.Round((decimal)random.NextDouble() * 10m, 5);
            candles.Add(new Candle(symbol ?? BtcUsdt, tf, (startMs ?? Start) + i * tf.DurationMs, open, high, low, close, volume)
            {
                QuoteVolume = Math.Round(volume * close, 8),
                TradeCount = i + 1,
            });
            price = close;
        }
        return candles;
    }
}
