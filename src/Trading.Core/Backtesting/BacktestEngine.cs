using Trading.Core.Backtesting.Statistics;
using Trading.Core.Model;
using Trading.Core.Strategies;

namespace Trading.Core.Backtesting;

/// <summary>
/// Replays candles through a strategy, the risk gate, the simulated venue and the portfolio, on one thread with a
/// simulated clock. For each candle, in time order:
/// <list type="number">
/// <item>the venue matches resting orders on it (a market order decided on the previous candle fills at this open);</item>
/// <item>the portfolio is marked at its close and the equity recorded;</item>
/// <item>the strategy sees it (a copy: never the array, so never a later candle) and may signal;</item>
/// <item>a signal is sized, checked by the risk gate and sent to the venue as a market order.</item>
/// </list>
/// An engine keeps buffers between runs (the equity, the fills), so use one engine per thread, and copy what a result must
/// keep beyond the engine's next run. Same inputs, same output, byte for byte.
/// </summary>
public sealed class BacktestEngine
{
    private const int ProgressEvery = 1 << 16;
    private readonly BacktestClock _clock = new();
    private readonly TradeLedger _trades = new();
    private readonly BacktestReuse _reuse = new();
    private readonly FuturesLedger _futures = new();
    private double[] _equity = [];

    /// <summary>
    /// Runs over candles [start, start + count) of <paramref name="data"/> (all of them by default).
    /// <paramref name="precomputed"/> offers shared indicator series to strategies that use them (the optimizer).
    /// </summary>
    public BacktestResult Run(
        StrategyBase strategy, BacktestData data, BacktestSettings settings, int start = 0, int count = -1,
        IProgress<int>? progress = null, CancellationToken ct = default, IPrecomputedIndicators? precomputed = null)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (count < 0) count = data.Count - start;
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, data.Count);

        if (_equity.Length < count) _equity = new double[count];
        if (settings.Futures is not null) return RunFutures(strategy, data, settings, start, count, progress, ct, precomputed);
        var candles = data.Candles.Span.Slice(start, count);
        var closes = data.Closes.Span.Slice(start, count);
        var markEveryCandle = RiskNeedsEveryMark(settings);
        var equity = _equity.AsSpan(0, count);
        _trades.Clear();
        _clock.Set(candles[0].OpenTimeMs);
        var run = new BacktestRun(data.Symbol, settings, _clock, _trades, candles[0].OpenTimeMs, _reuse);
        var context = new StrategyContext(data.Symbol, data.Timeframe, extraInputs: strategy.ExtraInputs) { Precomputed = precomputed };
        strategy.Reset();

        var inPosition = 0;
        for (var i = 0; i < candles.Length; i++)
        {
            CandlePrefetch.Ahead(candles, i);
            var candle = candles[i];
            _clock.Set(candle.CloseTimeMs);
            var venueSaw = run.VenueBusy;
            if (venueSaw) run.MatchOnVenue(candle, context);
            if (run.Quantity != 0)
            {
                if (markEveryCandle) run.Account.Mark(data.Symbol, candle.Close, candle.CloseTime);
                equity[i] = run.Cash + run.Quantity * closes[i];
                inPosition++;
            }
            else
            {
                equity[i] = run.Cash;
            }
            context.Observe(candle, start + i, closes[i]);
            var signal = strategy.OnCandle(candle, context);
            if (signal is not null) run.Handle(signal, candle, context, venueSaw);
            if ((i & (ProgressEvery - 1)) == ProgressEvery - 1) Report(i, progress, ct);
        }
        progress?.Report(candles.Length);
        run.Account.Mark(data.Symbol, candles[^1].Close, candles[^1].CloseTime);
        return Finish(run, candles, inPosition);
    }

    /// <summary>
    /// A USDⓈ-M run (docs/futures.md, "Backtests"): the same order of events per candle as spot, with funding, the fill and the
    /// liquidation check at the venue step, on the same kernel (its futures desk), fill model, strategy context and statistics.
    /// A sell signal opens a short when flat.
    /// </summary>
    private BacktestResult RunFutures(StrategyBase strategy, BacktestData data, BacktestSettings settings, int start, int count,
        IProgress<int>? progress, CancellationToken ct, IPrecomputedIndicators? precomputed)
    {
        var candles = data.Candles.Span.Slice(start, count);
        var closes = data.Closes.Span.Slice(start, count);
        var equity = _equity.AsSpan(0, count);
        _clock.Set(candles[0].OpenTimeMs);
        var run = new FuturesBacktestRun(data.Symbol, settings, _clock, candles[0].OpenTimeMs, _reuse, _futures);
        var context = new StrategyContext(data.Symbol, data.Timeframe, extraInputs: strategy.ExtraInputs) { Precomputed = precomputed, Market = MarketType.Usdm };
        strategy.Reset();

        var inPosition = 0;
        for (var i = 0; i < candles.Length; i++)
        {
            CandlePrefetch.Ahead(candles, i);
            var candle = candles[i];
            _clock.Set(candle.CloseTimeMs);
            run.OnCandle(candle, context);
            equity[i] = run.EquityAt(closes[i]);
            if (run.InPosition) inPosition++;
            context.Observe(candle, start + i, closes[i]);
            var signal = strategy.OnCandle(candle, context);
            if (signal is not null) run.Handle(signal, candle);
            if ((i & (ProgressEvery - 1)) == ProgressEvery - 1) Report(i, progress, ct);
        }
        progress?.Report(candles.Length);
        return run.Result(candles, new ReadOnlyMemory<double>(_equity, 0, candles.Length), inPosition);
    }

    private static void Report(int index, IProgress<int>? progress, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        progress?.Report(index + 1);
    }

    internal static BacktestStatistics Statistics(BacktestSettings settings, ReadOnlySpan<Candle> candles, ReadOnlyMemory<double> equity, int inPosition,
        decimal finalBalance, IReadOnlyList<ClosedTrade> trades, TradeMetrics metrics, decimal feesPaid) => StatisticsCalculator.Compute(new StatisticsInput
    {
        InitialBalance = settings.InitialBalance,
        FinalBalance = finalBalance,
        Equity = equity,
        CandleIntervalMs = candles[0].Timeframe.DurationMs,
        CandlesInPosition = inPosition,
        Trades = trades,
        TradeMetrics = metrics,
        FeesPaid = feesPaid,
        FirstOpen = candles[0].Open,
        LastClose = candles[^1].Close,
    });

    /// <summary>
    /// The daily-loss and drawdown checks need the portfolio marked on every candle; with both at 100 % (the backtest
    /// default) they can never trigger, so the portfolio is marked only where a decision reads it: before each signal
    /// and at the end. The equity curve is computed on every candle either way.
    /// </summary>
    private static bool RiskNeedsEveryMark(BacktestSettings settings) =>
        settings.RiskLimits.MaxDrawdownPct < 100m || settings.RiskLimits.DailyLossLimitPct < 100m;

    private BacktestResult Finish(BacktestRun run, ReadOnlySpan<Candle> candles, int inPosition) =>
        Finish(run, candles, inPosition, new ReadOnlyMemory<double>(_equity, 0, candles.Length));

    /// <summary>A spot run's result: its statistics over <paramref name="equity"/>, its trades replayed from its fills.</summary>
    internal static BacktestResult Finish(BacktestRun run, ReadOnlySpan<Candle> candles, int inPosition, ReadOnlyMemory<double> equity)
    {
        var trades = run.Trades.Trades(run.Fills);
        var statistics = Statistics(run.Settings, candles, equity, inPosition, run.Account.Equity, trades, run.Trades.Metrics, run.Account.FeesPaid);
        return new BacktestResult
        {
            Statistics = statistics,
            Trades = trades,
            Fills = run.Fills,
            Equity = equity,
            Signals = run.Signals,
            Orders = run.Orders,
            Rejections = run.Rejections,
            FinalPosition = run.Account.Quantity(candles[0].Symbol),
        };
    }
}
