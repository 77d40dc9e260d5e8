using Trading.Core.Allocation;
using Trading.Core.Strategies;

namespace Trading.Core.Backtesting;

/// <summary>
/// Several strategies on one account and one symbol under the <see cref="CapitalAllocator"/> (docs/allocation.md). Each candle,
/// in order: the venue matches it (once, for everyone), the allocator's regime classifier sees it, the equity is recorded, then
/// every strategy in the order given sees it, with its own holding, and its signal goes through the one kernel (allocator, risk
/// gate) as in a single run. A single-strategy run is <see cref="BacktestEngine"/>'s, unchanged.
/// </summary>
public sealed class PortfolioBacktestEngine
{
    private readonly BacktestClock _clock = new();
    private readonly TradeLedger _trades = new();
    private readonly BacktestReuse _reuse = new();

    public PortfolioBacktestResult Run(IReadOnlyList<StrategyBase> strategies, BacktestData data, BacktestSettings settings, AllocationLimits limits,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (settings.Futures is not null) throw new ArgumentException("A portfolio backtest trades spot only for now: run futures strategies one at a time.");
        if (strategies.Count == 0) throw new ArgumentException("A portfolio backtest needs at least one strategy.");
        var names = Names(strategies);
        var candles = data.Candles.Span;
        var closes = data.Closes.Span;
        var equity = new double[candles.Length];
        var allocator = new CapitalAllocator(limits);
        var tallies = names.ToDictionary(n => n, _ => new int[4], StringComparer.Ordinal); // signals, orders, reduced, denied
        allocator.Decided += d => tallies[d.Strategy][d.IsDenied ? 3 : 2]++;
        _trades.Clear();
        _clock.Set(candles[0].OpenTimeMs);
        var run = new BacktestRun(data.Symbol, settings, _clock, _trades, candles[0].OpenTimeMs, _reuse, allocator);
        var contexts = strategies.Select(s => new StrategyContext(data.Symbol, data.Timeframe, extraInputs: s.ExtraInputs)).ToArray();
        foreach (var strategy in strategies) strategy.Reset();

        var inPosition = 0;
        var peakHeat = 0m;
        for (var i = 0; i < candles.Length; i++)
        {
            var candle = candles[i];
            _clock.Set(candle.CloseTimeMs);
            run.MatchOnVenue(candle, contexts[0]);
            allocator.Observe(candle);
            equity[i] = run.Cash + run.Quantity * closes[i];
            if (run.Quantity != 0) inPosition++;
            if (allocator.Heat > 0 && equity[i] > 0) peakHeat = Math.Max(peakHeat, allocator.Heat / (decimal)equity[i] * 100m);
            for (var s = 0; s < strategies.Count; s++)
            {
                var sleeve = allocator.SleeveOf(names[s], data.Symbol);
                contexts[s].SetOwnPosition(sleeve.Quantity, sleeve.CostBasis);
                contexts[s].Observe(candle, i, closes[i]);
                if (strategies[s].OnCandle(candle, contexts[s]) is not { } signal) continue;
                var orders = run.Orders;
                run.Handle(signal, candle, contexts[s], venueSawCandle: true, names[s]);
                tallies[names[s]][0]++;
                tallies[names[s]][1] += run.Orders - orders;
            }
            if ((i & 0xFFFF) == 0xFFFF)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(i + 1);
            }
        }
        progress?.Report(candles.Length);
        var last = candles[^1];
        run.Account.Mark(data.Symbol, last.Close, last.CloseTime);
        return new PortfolioBacktestResult
        {
            Total = BacktestEngine.Finish(run, candles, inPosition, equity),
            Strategies = names.Select(n => Figures(allocator.SleeveOf(n, data.Symbol), tallies[n], last.Close)).ToList(),
            Limits = limits,
            PeakHeatPct = decimal.Round(peakHeat, 4),
        };
    }

    /// <summary>Each strategy's name; a strategy given twice (say, with other parameters) is told apart by its place: rsi, rsi#2.</summary>
    private static List<string> Names(IReadOnlyList<StrategyBase> strategies)
    {
        var names = new List<string>(strategies.Count);
        foreach (var strategy in strategies)
        {
            var name = strategy.Name;
            for (var n = 2; names.Contains(name, StringComparer.Ordinal); n++) name = $"{strategy.Name}#{n}";
            names.Add(name);
        }
        return names;
    }

    private static StrategyFigures Figures(StrategySleeve sleeve, int[] tally, decimal lastClose) => new()
    {
        Strategy = sleeve.Strategy,
        Signals = tally[0],
        Orders = tally[1],
        Trades = sleeve.Trades,
        Wins = sleeve.Wins,
        RealizedPnl = decimal.Round(sleeve.RealizedPnl, 8),
        UnrealizedPnl = decimal.Round(sleeve.UnrealizedPnl(lastClose), 8),
        FeesPaid = decimal.Round(sleeve.FeesPaid, 8),
        FinalQuantity = sleeve.Quantity,
        Reduced = tally[2],
        Denied = tally[3],
    };
}
