using Shouldly;
using Trading.Core.Backtesting;
using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Strategies;

namespace Trading.Core.Tests.Backtesting;

/// <summary>
/// The backtest's order path (kernel, risk gate, simulated venue, account, trade ledger) allocates nothing per fill once an
/// engine is warmed up. The strategy hands out signals it made up front, so only the engine's own allocations are counted.
/// </summary>
public sealed class AllocationPerFillTests
{
    private const int Candles = 4_000;

    [Fact]
    public void Run_WarmedUpEngine_AllocatesNothingPerFill()
    {
        var candles = new Candle[Candles];
        for (var i = 0; i < Candles; i++)
        {
            var mid = 100m + (i % 50);
            candles[i] = EngineCandles.Bar(i, mid, mid + 1m, mid - 1m, mid + 0.5m);
        }
        var data = new BacktestData(candles);
        var settings = new BacktestSettings { InitialBalance = 10_000m, FeeBps = 10m, SlippageBps = 2m };
        var strategy = new PreparedSignals(candles);
        var engine = new BacktestEngine();
        var ct = TestContext.Current.CancellationToken;
        for (var warmUp = 0; warmUp < 3; warmUp++) engine.Run(strategy, data, settings, ct: ct);

        var (half, halfFills) = Measure(() => engine.Run(strategy, data, settings, count: Candles / 2, ct: ct));
        var (whole, wholeFills) = Measure(() => engine.Run(strategy, data, settings, ct: ct));

        wholeFills.ShouldBeGreaterThan(Candles / 20);
        (wholeFills - halfFills).ShouldBeGreaterThan(Candles / 40);
        // A run allocates a few kilobytes whatever its length (its account, venue and statistics); the fills add nothing.
        (whole - half).ShouldBe(0, $"{whole:N0} bytes for {wholeFills} fills, {half:N0} bytes for {halfFills} fills");
        (whole / (double)wholeFills).ShouldBeLessThan(16, $"{whole:N0} bytes over {wholeFills} fills");
    }

    [Fact]
    public void Run_WarmedUpFuturesEngine_AllocatesNothingPerFillLongsShortsAndFunding()
    {
        var candles = new Candle[Candles];
        for (var i = 0; i < Candles; i++)
        {
            var mid = 100m + (i % 50);
            candles[i] = EngineCandles.Bar(i + 5, mid, mid + 1m, mid - 1m, mid + 0.5m); // +5: positions are open at the 8-hourly settlements
        }
        var data = new BacktestData(candles);
        var settings = new BacktestSettings
        {
            InitialBalance = 10_000m, FeeBps = 10m, SlippageBps = 2m,
            Futures = new FuturesBacktestSettings { Leverage = 3, Brackets = KnownLeverageBrackets.BtcUsdt, Funding = FundingRates.Constant(0.0001m) },
        };
        var strategy = new PreparedSignals(candles, shorts: true);
        var engine = new BacktestEngine();
        var ct = TestContext.Current.CancellationToken;
        for (var warmUp = 0; warmUp < 3; warmUp++) engine.Run(strategy, data, settings, ct: ct);

        var (half, halfFills) = Measure(() => engine.Run(strategy, data, settings, count: Candles / 2, ct: ct));
        var (whole, wholeFills) = Measure(() => engine.Run(strategy, data, settings, ct: ct));
        var result = engine.Run(strategy, data, settings, ct: ct);

        result.Futures!.Shorts.ShouldBeGreaterThan(Candles / 50);
        result.Futures.FundingSettlements.ShouldBeGreaterThan(5);
        (wholeFills - halfFills).ShouldBeGreaterThan(Candles / 40);
        (whole - half).ShouldBe(0, $"{whole:N0} bytes for {wholeFills} fills, {half:N0} bytes for {halfFills} fills");
    }

    private static (long Bytes, int Fills) Measure(Func<BacktestResult> run)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        result.Statistics.Trades.ShouldBeGreaterThan(0, string.Join("; ", result.Rejections.Select(r => $"{r.Key} ×{r.Value}")));
        return (allocated, result.Fills.Count);
    }

    /// <summary>
    /// Buys 0.1 every 10th candle and sells it 5 candles later, with signals made before the run; with
    /// <c>shorts</c> every other round trip is a sell then a buy (a futures short).
    /// </summary>
    private sealed class PreparedSignals : StrategyBase
    {
        private readonly Signal?[] _signals;
        private int _index;

        public PreparedSignals(Candle[] candles, bool shorts = false)
        {
            _signals = new Signal?[candles.Length];
            for (var i = 0; i < candles.Length; i++)
            {
                var side = (i % 10) switch { 0 => OrderSide.Buy, 5 => OrderSide.Sell, _ => (OrderSide?)null };
                if (side is null) continue;
                if (shorts && i % 20 >= 10) side = side == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;
                _signals[i] = new Signal
                {
                    Id = $"s{i}", Strategy = Name, Symbol = candles[i].Symbol, Side = side.Value, Price = candles[i].Close, Quantity = 0.1m,
                    CreatedAt = candles[i].CloseTime, Reason = "prepared",
                };
            }
        }

        public override string Name => "prepared";

        public override IReadOnlyList<StrategyParameter> Parameters => [];

        public override Signal? OnCandle(in Candle candle, StrategyContext context) => _signals[_index++];

        public override void Reset() => _index = 0;
    }
}
