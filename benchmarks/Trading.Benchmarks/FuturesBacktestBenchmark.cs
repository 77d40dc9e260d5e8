using System.Globalization;
using Trading.Core.Backtesting;
using Trading.Core.Futures;
using Trading.Core.Strategies.BuiltIn;

namespace Trading.Benchmarks;

/// <summary>
/// `futures-backtest`: the rsi strategy through the engine over the 1,306,000 real BTCUSDT 1m candles as spot and as a
/// USDⓈ-M futures backtest (3x leverage, funding every 8 h, a liquidation check on every candle; sells open shorts), in
/// alternating rounds of one process. Reports each side's median CPU time and the futures / spot ratio (goal ≤ 1.3), and
/// the bytes a warmed-up futures run allocates.
/// </summary>
public static class FuturesBacktestBenchmark
{
    private const int WarmUpRounds = 3;
    private static readonly int Repeats = int.TryParse(Environment.GetEnvironmentVariable("BENCH_REPEATS"), out var r) ? r : 7;
    private static readonly BacktestSettings Spot = new() { InitialBalance = 10_000m, FeeBps = 10m, SlippageBps = 2m };

    private static readonly BacktestSettings Futures = Spot with
    {
        Futures = new FuturesBacktestSettings
        {
            Leverage = 3, Brackets = KnownLeverageBrackets.BtcUsdt, Funding = FundingRates.Constant(0.0001m), SpotCandlesStandIn = true,
        },
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var candles = await BenchData.LoadBtcUsdt1mAsync(args.FirstOrDefault());
        var data = new BacktestData(candles);
        BacktestBenchmark.SettleHeap();
        var engine = new BacktestEngine();
        var spotTimes = new List<double>();
        var futuresTimes = new List<double>();
        for (var round = 1 - WarmUpRounds; round <= Repeats; round++)
        {
            var s = BacktestBenchmark.Measure(() => engine.Run(new RsiStrategy(), data, Spot)).Cpu;
            var f = BacktestBenchmark.Measure(() => engine.Run(new RsiStrategy(), data, Futures)).Cpu;
            if (round <= 0) continue;
            spotTimes.Add(s);
            futuresTimes.Add(f);
        }
        var spotAllocated = GC.GetAllocatedBytesForCurrentThread();
        var spotFills = engine.Run(new RsiStrategy(), data, Spot).Fills.Count;
        spotAllocated = GC.GetAllocatedBytesForCurrentThread() - spotAllocated;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var result = engine.Run(new RsiStrategy(), data, Futures);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var futures = result.Futures!;
        var spotMedian = BacktestBenchmark.Median(spotTimes);
        var futuresMedian = BacktestBenchmark.Median(futuresTimes);
        Console.WriteLine(Invariant($"candles {candles.Length:N0}, cores {Environment.ProcessorCount}, load {BenchData.LoadAverage()}"));
        Console.WriteLine(Invariant($"spot rounds (ms CPU): {string.Join(' ', spotTimes.Select(t => (t * 1000).ToString("F0", CultureInfo.InvariantCulture)))}"));
        Console.WriteLine(Invariant($"futures rounds (ms CPU): {string.Join(' ', futuresTimes.Select(t => (t * 1000).ToString("F0", CultureInfo.InvariantCulture)))}"));
        Console.WriteLine(Invariant($"spot    median {spotMedian * 1000:F0} ms CPU = {candles.Length / spotMedian:N0} candles/CPU-s"));
        Console.WriteLine(Invariant($"futures median {futuresMedian * 1000:F0} ms CPU = {candles.Length / futuresMedian:N0} candles/CPU-s"));
        Console.WriteLine(Invariant($"futures / spot median ratio: {futuresMedian / spotMedian:F2} (goal <= 1.30)"));
        Console.WriteLine(Invariant($"futures run: {result.Fills.Count:N0} fills, {futures.Trades.Count:N0} trades ({futures.Shorts:N0} short), {futures.FundingSettlements:N0} funding settlements, {futures.Liquidations} liquidations"));
        Console.WriteLine(Invariant($"spot run: {spotFills:N0} fills; a warmed-up run allocates {spotAllocated:N0} bytes ({spotAllocated / Math.Max(1, spotFills):N0} per fill, the strategy's signals included)"));
        Console.WriteLine(Invariant($"futures final {result.Statistics.FinalBalance:F2}; a warmed-up run allocates {allocated:N0} bytes ({allocated / Math.Max(1, result.Fills.Count):N0} per fill)"));
        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
