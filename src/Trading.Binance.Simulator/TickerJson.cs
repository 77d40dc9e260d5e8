using System.Text.Json;
using Trading.Binance.Json;
using Trading.Binance.Simulator.Matching;
using Trading.Core.Model;

namespace Trading.Binance.Simulator;

/// <summary>The ticker/24hr and depth answers in Binance's field order.</summary>
internal static class TickerJson
{
    /// <summary>
    /// The 24-hour statistics of <paramref name="bars"/> (the closed bars of the last day, oldest first), with the book's
    /// best levels and the day's first and last public trade (<see cref="SyntheticTrades"/>).
    /// </summary>
    public static void Day(Utf8JsonWriter w, Symbol symbol, IReadOnlyList<Candle> bars, long nowMs, BookLevel? bid, BookLevel? ask, SyntheticTrade? first, SyntheticTrade? lastTrade)
    {
        var open = bars.Count > 0 ? bars[0].Open : 0m;
        var last = bars.Count > 0 ? bars[^1].Close : 0m;
        var volume = bars.Sum(b => b.Volume);
        var quoteVolume = bars.Sum(b => b.QuoteVolume ?? b.Close * b.Volume);
        w.WriteString("symbol", symbol.Name);
        w.WriteString("priceChange", BinanceDecimal.Format(last - open));
        w.WriteString("priceChangePercent", (open > 0 ? Math.Round((last - open) / open * 100m, 3) : 0m).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("weightedAvgPrice", BinanceDecimal.Format(volume > 0 ? quoteVolume / volume : last));
        w.WriteString("prevClosePrice", BinanceDecimal.Format(open));
        w.WriteString("lastPrice", BinanceDecimal.Format(last));
        w.WriteString("lastQty", BinanceDecimal.Format(lastTrade?.Quantity ?? 0m));
        w.WriteString("bidPrice", BinanceDecimal.Format(bid?.Price ?? 0m));
        w.WriteString("bidQty", BinanceDecimal.Format(bid?.Quantity ?? 0m));
        w.WriteString("askPrice", BinanceDecimal.Format(ask?.Price ?? 0m));
        w.WriteString("askQty", BinanceDecimal.Format(ask?.Quantity ?? 0m));
        w.WriteString("openPrice", BinanceDecimal.Format(open));
        w.WriteString("highPrice", BinanceDecimal.Format(bars.Count > 0 ? bars.Max(b => b.High) : 0m));
        w.WriteString("lowPrice", BinanceDecimal.Format(bars.Count > 0 ? bars.Min(b => b.Low) : 0m));
        w.WriteString("volume", BinanceDecimal.Format(volume));
        w.WriteString("quoteVolume", BinanceDecimal.Format(quoteVolume));
        w.WriteNumber("openTime", bars.Count > 0 ? bars[0].OpenTimeMs : nowMs);
        w.WriteNumber("closeTime", bars.Count > 0 ? bars[^1].CloseTimeMs : nowMs);
        w.WriteNumber("firstId", first?.Id ?? -1);
        w.WriteNumber("lastId", lastTrade?.Id ?? -1);
        w.WriteNumber("count", first is { } f && lastTrade is { } l ? l.Id - f.Id + 1 : 0);
    }

    public static void Depth(Utf8JsonWriter w, long updateId, IReadOnlyList<BookLevel> bids, IReadOnlyList<BookLevel> asks, int limit)
    {
        w.WriteNumber("lastUpdateId", updateId);
        Levels(w, "bids", bids.Take(limit));
        Levels(w, "asks", asks.Take(limit));
    }

    private static void Levels(Utf8JsonWriter w, string name, IEnumerable<BookLevel> levels)
    {
        w.WriteStartArray(name);
        foreach (var level in levels)
        {
            w.WriteStartArray();
            w.WriteStringValue(BinanceDecimal.Format(level.Price));
            w.WriteStringValue(BinanceDecimal.Format(level.Quantity));
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}
