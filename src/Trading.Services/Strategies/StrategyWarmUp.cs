using Trading.Core.Model;
using Trading.Core.Storage;

namespace Trading.Services.Strategies;

/// <summary>
/// Reads the closed history a strategy needs before going live: for each series the last <c>count</c> candles whose
/// bucket has closed by now, merged in close-time order (extra series first on a tie, so the own series sees them).
/// </summary>
internal sealed class StrategyWarmUp(ICandleStore candles, TimeProvider time)
{
    public async Task<List<Candle>> ReadAsync(
        IEnumerable<(Symbol Symbol, Timeframe Timeframe)> series, Symbol ownSymbol, Timeframe ownTimeframe, int count, CancellationToken ct)
    {
        var all = new List<Candle>();
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (symbol, timeframe) in series)
        {
            var latest = await candles.GetLatestAsync(symbol, timeframe, ct);
            if (latest is null) continue;
            var toMs = Math.Min(latest.Value.OpenTimeMs + 1, timeframe.AlignDown(nowMs));
            var fromMs = toMs - (count * timeframe.DurationMs);
            var list = new List<Candle>();
            await foreach (var candle in candles.ReadAsync(symbol, timeframe, fromMs, toMs, ct)) list.Add(candle);
            all.AddRange(list.TakeLast(count));
        }
        return all
            .OrderBy(c => c.CloseTimeMs)
            .ThenBy(c => c.Symbol == ownSymbol && c.Timeframe == ownTimeframe ? 1 : 0)
            .ToList();
    }
}
