using Trading.Core.Allocation;
using Trading.Core.Model;
using Trading.Core.Strategies;

namespace Trading.Core.Backtesting;

/// <summary>
/// Several strategies on one account and one symbol under the <see cref="CapitalAllocator"/> (docs/allocation.md). Each candle,
/// in order: the venue matches it (once, for everyone), the allocator's regime classifier sees it, the equity is recorded, then
/// every strategy in the order given sees it, with its own holding, and its signal goes through the one kernel (allocator, risk
/// gate) as in a single run. A single-strategy run is <see cref="BacktestEngine"/>'s, unchanged. On USDⓈ-M futures (settings
/// with <see cref="BacktestSettings.Futures"/>) the candle's venue step is the futures one (funding, fills, liquidation), a
/// strategy's capital is its margin, and each sees its own sleeve as a signed position (negative when short).
/// </summary>
public sealed class PortfolioBacktestEngine
{
    private readonly BacktestClock _clock = new();
    private readonly TradeLedger _trades = new();
    private readonly BacktestReuse _reuse = new();
    private readonly FuturesLedger _futures = new();

    public PortfolioBacktestResult Run(IReadOnlyList<StrategyBase> strategies, BacktestData data, BacktestSettings settings, AllocationLimits limits,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (strategies.Count == 0) throw new ArgumentException("A portfolio backtest needs at least one strategy.");
        var names = Names(strategies);
        var allocator = new CapitalAllocator(limits);
        var tallies = names.ToDictionary(n => n, _ => new int[4], StringComparer.Ordinal); // signals, orders, reduced, denied
        allocator.Decided += d => tallies[d.Strategy][d.IsDenied ? 3 : 2]++;
        if (settings.Futures is not null) return RunFutures(strategies, names, tallies, allocator, data, settings, progress, ct);
        var candles = data.Candles.Span;
        var closes = data.Closes.Span;
        var equity = new double[candles.Length];
        _trades.Clear();
        _clock.Set(candles[0].OpenTimeMs);
        var run = new BacktestRun(data.Symbol, settings, _clock, _trades, candles[0].OpenTimeMs, _reuse, allocator);
        var contexts = strategies.Select(s => new StrategyContext(data.Symbol, data.Timeframe, extraInputs: s.ExtraInputs)).ToArray();
        foreach (var strategy in strategies) strategy.Reset();
        Func<Signal, Candle, StrategyContext, string, int> handle = (signal, candle, context, name) =>
        {
            var before = run.Orders;
            run.Handle(signal, candle, context, venueSawCandle: true, name);
            return run.Orders - before;
        };

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
            var heatBefore = allocator.Heat;
            StrategiesSee(candle, i, closes[i], strategies, names, tallies, allocator, contexts, signedPosition: false, handle);
            peakHeat = PeakHeat(peakHeat, heatBefore, allocator.Heat, equity[i]);
            Progress(i, progress, ct);
        }
        progress?.Report(candles.Length);
        var last = candles[^1];
        run.Account.Mark(data.Symbol, last.Close, last.CloseTime);
        return Result(BacktestEngine.Finish(run, candles, inPosition, equity), names, tallies, allocator, data.Symbol, last.Close, peakHeat);
    }

    /// <summary>The USDⓈ-M loop: as the spot one, with the futures venue step and each strategy's sleeve as its signed position.</summary>
    private PortfolioBacktestResult RunFutures(IReadOnlyList<StrategyBase> strategies, List<string> names, Dictionary<string, int[]> tallies,
        CapitalAllocator allocator, BacktestData data, BacktestSettings settings, IProgress<int>? progress, CancellationToken ct)
    {
        var candles = data.Candles.Span;
        var closes = data.Closes.Span;
        var equity = new double[candles.Length];
        _clock.Set(candles[0].OpenTimeMs);
        var run = new FuturesBacktestRun(data.Symbol, settings, _clock, candles[0].OpenTimeMs, _reuse, _futures, allocator);
        var contexts = strategies.Select(s => new StrategyContext(data.Symbol, data.Timeframe, extraInputs: s.ExtraInputs) { Market = MarketType.Usdm }).ToArray();
        foreach (var strategy in strategies) strategy.Reset();
        Func<Signal, Candle, StrategyContext, string, int> handle = (signal, candle, _, name) =>
        {
            var before = run.Orders;
            run.Handle(signal, candle, name);
            return run.Orders - before;
        };

        var inPosition = 0;
        var peakHeat = 0m;
        for (var i = 0; i < candles.Length; i++)
        {
            var candle = candles[i];
            _clock.Set(candle.CloseTimeMs);
            run.OnCandle(candle, context: null);
            allocator.Observe(candle);
            equity[i] = run.EquityAt(closes[i]);
            if (run.InPosition) inPosition++;
            var heatBefore = allocator.Heat;
            StrategiesSee(candle, i, closes[i], strategies, names, tallies, allocator, contexts, signedPosition: true, handle);
            peakHeat = PeakHeat(peakHeat, heatBefore, allocator.Heat, equity[i]);
            Progress(i, progress, ct);
        }
        progress?.Report(candles.Length);
        var total = run.Result(candles, equity, inPosition);
        return Result(total, names, tallies, allocator, data.Symbol, candles[^1].Close, peakHeat);
    }

    /// <summary>
    /// Every strategy, in the order given, sees the candle with its own sleeve as its position (signed, with the sleeve's average
    /// price, on futures) and its signal goes to <paramref name="handle"/>, which returns the orders it placed.
    /// </summary>
    private static void StrategiesSee(in Candle candle, int index, double close, IReadOnlyList<StrategyBase> strategies, List<string> names,
        Dictionary<string, int[]> tallies, CapitalAllocator allocator, StrategyContext[] contexts, bool signedPosition,
        Func<Signal, Candle, StrategyContext, string, int> handle)
    {
        for (var s = 0; s < strategies.Count; s++)
        {
            var sleeve = allocator.SleeveOf(names[s], candle.Symbol);
            if (signedPosition)
            {
                contexts[s].PositionQuantity = sleeve.Direction * sleeve.Quantity;
                contexts[s].PositionAveragePrice = sleeve.AveragePrice;
            }
            else contexts[s].SetOwnPosition(sleeve.Quantity, sleeve.CostBasis);
            contexts[s].Observe(candle, index, close);
            if (strategies[s].OnCandle(candle, contexts[s]) is not { } signal) continue;
            tallies[names[s]][0]++;
            tallies[names[s]][1] += handle(signal, candle, contexts[s], names[s]);
        }
    }

    /// <summary>
    /// The heat an entry brought the portfolio to, as a percent of the equity it was allocated against (the candle's close), when
    /// the candle's decisions raised it: what the cap bounds. A later fall of equity under unchanged heat is not an entry's.
    /// </summary>
    private static decimal PeakHeat(decimal peak, decimal before, decimal after, double equity) =>
        after > before && equity > 0 ? Math.Max(peak, after / (decimal)equity * 100m) : peak;

    private static void Progress(int index, IProgress<int>? progress, CancellationToken ct)
    {
        if ((index & 0xFFFF) != 0xFFFF) return;
        ct.ThrowIfCancellationRequested();
        progress?.Report(index + 1);
    }

    private static PortfolioBacktestResult Result(BacktestResult total, List<string> names, Dictionary<string, int[]> tallies, CapitalAllocator allocator,
        Symbol symbol, decimal lastClose, decimal peakHeat) => new()
    {
        Total = total,
        Strategies = names.Select(n => Figures(allocator.SleeveOf(n, symbol), tallies[n], lastClose)).ToList(),
        Limits = allocator.Limits,
        PeakHeatPct = decimal.Round(peakHeat, 4),
    };

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
