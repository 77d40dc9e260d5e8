using Trading.Core.Backtesting.Statistics;
using Trading.Core.Model;

namespace Trading.Core.Backtesting;

/// <summary>
/// The outcome of one run. <see cref="Equity"/> holds the equity at each candle's close. <see cref="Equity"/>,
/// <see cref="Fills"/> and <see cref="Trades"/> (replayed from the fills) may be buffers the engine reuses, so copy them
/// before the engine's next run if they must outlive it.
/// </summary>
public sealed record BacktestResult
{
    public required BacktestStatistics Statistics { get; init; }
    public required IReadOnlyList<ClosedTrade> Trades { get; init; }
    public required IReadOnlyList<Fill> Fills { get; init; }
    public required ReadOnlyMemory<double> Equity { get; init; }
    public required int Signals { get; init; }
    public required int Orders { get; init; }

    /// <summary>Signals not turned into orders: risk denials per check (keyed with the first reason it gave), other reasons as they are (100 keys at most).</summary>
    public required IReadOnlyDictionary<string, int> Rejections { get; init; }

    public required decimal FinalPosition { get; init; }

    /// <summary>Leverage, funding and liquidations of a futures backtest; null for spot.</summary>
    public FuturesSummary? Futures { get; init; }
}
