using Trading.Core.Model;

namespace Trading.Binance.Streams;

public static class KlineStreamNames
{
    /// <summary>btcusdt@kline_1m</summary>
    public static string For(Symbol symbol, Timeframe timeframe) => $"{symbol.Name.ToLowerInvariant()}@kline_{timeframe.Name}";

    /// <summary>{base}/stream?streams=a/b/c</summary>
    public static Uri CombinedUri(Uri webSocketBase, IEnumerable<(Symbol Symbol, Timeframe Timeframe)> series) =>
        new(webSocketBase, "/stream?streams=" + string.Join('/', series.Select(s => For(s.Symbol, s.Timeframe))));

    public static bool TryParse(string streamName, out Symbol symbol, out Timeframe timeframe)
    {
        symbol = default;
        timeframe = default;
        var parts = streamName.Split("@kline_");
        return parts.Length == 2 && Symbol.TryParse(parts[0], out symbol) && Timeframe.TryParse(parts[1], out timeframe);
    }
}
