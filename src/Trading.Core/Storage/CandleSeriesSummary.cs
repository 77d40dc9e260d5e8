using Trading.Core.Model;

namespace Trading.Core.Storage;

public sealed record CandleSeriesSummary(
    Symbol Symbol, Timeframe Timeframe, long Count, long FirstOpenTimeMs, long LastOpenTimeMs, MarketType Market = MarketType.Spot);
