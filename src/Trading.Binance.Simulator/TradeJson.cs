using System.Text.Json;
using Trading.Binance.Json;
using Trading.Core.Model;

namespace Trading.Binance.Simulator;

/// <summary>Public trades in Binance's REST and stream shapes; an aggregate trade here is always one trade (f = l = a).</summary>
internal static class TradeJson
{
    public static byte[] Trades(IEnumerable<SyntheticTrade> trades) => SimulatorJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var t in trades)
        {
            w.WriteStartObject();
            w.WriteNumber("id", t.Id);
            w.WriteString("price", BinanceDecimal.Format(t.Price));
            w.WriteString("qty", BinanceDecimal.Format(t.Quantity));
            w.WriteString("quoteQty", BinanceDecimal.Format(t.QuoteQuantity));
            w.WriteNumber("time", t.TimeMs);
            w.WriteBoolean("isBuyerMaker", t.IsBuyerMaker);
            w.WriteBoolean("isBestMatch", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static byte[] AggTrades(IEnumerable<SyntheticTrade> trades) => SimulatorJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var t in trades)
        {
            w.WriteStartObject();
            WriteAggFields(w, t);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    /// <summary>A raw &lt;symbol&gt;@trade event.</summary>
    public static byte[] TradeEvent(Symbol symbol, SyntheticTrade t, long eventTimeMs) => Event("trade", symbol, eventTimeMs, w =>
    {
        w.WriteNumber("t", t.Id);
        w.WriteString("p", BinanceDecimal.Format(t.Price));
        w.WriteString("q", BinanceDecimal.Format(t.Quantity));
        w.WriteNumber("T", t.TimeMs);
        w.WriteBoolean("m", t.IsBuyerMaker);
        w.WriteBoolean("M", true);
    });

    /// <summary>A raw &lt;symbol&gt;@aggTrade event.</summary>
    public static byte[] AggTradeEvent(Symbol symbol, SyntheticTrade t, long eventTimeMs) => Event("aggTrade", symbol, eventTimeMs, w => WriteAggFields(w, t));

    private static byte[] Event(string type, Symbol symbol, long eventTimeMs, Action<Utf8JsonWriter> fields) => SimulatorJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", type);
        w.WriteNumber("E", eventTimeMs);
        w.WriteString("s", symbol.Name);
        fields(w);
        w.WriteEndObject();
    });

    private static void WriteAggFields(Utf8JsonWriter w, SyntheticTrade t)
    {
        w.WriteNumber("a", t.Id);
        w.WriteString("p", BinanceDecimal.Format(t.Price));
        w.WriteString("q", BinanceDecimal.Format(t.Quantity));
        w.WriteNumber("f", t.Id);
        w.WriteNumber("l", t.Id);
        w.WriteNumber("T", t.TimeMs);
        w.WriteBoolean("m", t.IsBuyerMaker);
        w.WriteBoolean("M", true);
    }
}
