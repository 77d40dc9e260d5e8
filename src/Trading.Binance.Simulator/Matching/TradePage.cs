namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// GET /api/v3/myTrades paging as Binance does it: from <see cref="FromId"/> upwards, or within
/// <see cref="StartMs"/>..<see cref="EndMs"/> from the oldest, else the most recent; at most <see cref="Limit"/>, oldest first.
/// </summary>
internal sealed record TradePage(long? FromId, long? StartMs, long? EndMs, int Limit)
{
    public IEnumerable<(SimulatedOrder Order, SimulatedTrade Trade)> Apply(IEnumerable<(SimulatedOrder Order, SimulatedTrade Trade)> trades)
    {
        var selected = trades.OrderBy(x => x.Trade.TradeId)
            .Where(x => (FromId is null || x.Trade.TradeId >= FromId)
                && (StartMs is null || x.Trade.TimeMs >= StartMs) && (EndMs is null || x.Trade.TimeMs <= EndMs))
            .ToList();
        return FromId is null && StartMs is null ? selected.TakeLast(Limit) : selected.Take(Limit);
    }
}
