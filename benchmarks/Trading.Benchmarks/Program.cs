using Trading.Benchmarks;

// One Stopwatch suite per file; run: dotnet run -c Release --project benchmarks/Trading.Benchmarks -- <suite> [args]
var suite = args.Length > 0 ? args[0] : "";
switch (suite)
{
    case "import":
        return await ImportBenchmark.RunAsync(args[1..]);
    case "risk-gate":
        return RiskGateBenchmark.Run(args[1..]);
    case "backtest":
        return await BacktestBenchmark.RunEngineAsync(args[1..]);
    case "futures-backtest":
        return await FuturesBacktestBenchmark.RunAsync(args[1..]);
    case "backtest-load":
        return await BacktestBenchmark.RunLoadAsync(args[1..]);
    case "optimize":
        return await BacktestBenchmark.RunOptimizeAsync(args[1..]);
    case "indicators":
        return IndicatorBenchmark.Run(args[1..]);
    case "storage":
        return await StorageBenchmark.RunAsync(args[1..]);
    case "bus":
        return await BusBenchmark.RunAsync(args[1..]);
    case "redis-bus":
        return await RedisBusBenchmark.RunAsync(args[1..]);
    case "service-memory":
        return await ServiceMemoryBenchmark.RunAsync(args[1..]);
    case "kline-parse":
        return KlineParseBenchmark.Run(args[1..]);
    case "strategy":
        return StrategyBenchmark.Run(args[1..]);
    case "execution-latency":
        return await ExecutionLatencyBenchmark.RunAsync(args[1..]);
    case "distributed-latency":
        return await DistributedLatencyBenchmark.RunAsync(args[1..]);
    case "api":
        return await ApiBenchmark.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("usage: Trading.Benchmarks <suite> [args]; suites: import, risk-gate, backtest, futures-backtest, backtest-load, optimize, indicators, storage, bus, redis-bus, service-memory, kline-parse, strategy, execution-latency, distributed-latency, api");
        return 2;
}
