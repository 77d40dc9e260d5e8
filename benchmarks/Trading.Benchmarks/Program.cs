using Trading.Benchmarks;

// One Stopwatch suite per file; run: dotnet run -c Release --project benchmarks/Trading.Benchmarks -- <suite> [args]
var suite = args.Length > 0 ? args[0] : "";
switch (suite)
{
    case "indicators":
        return IndicatorBenchmark.Run(args[1..]);
    case "bus":
        return await BusBenchmark.RunAsync(args[1..]);
    case "import":
        return await ImportBenchmark.RunAsync(args[1..]);
    case "strategy":
        return StrategyBenchmark.Run(args[1..]);
    default:
        Console.Error.WriteLine("usage: Trading.Benchmarks <suite> [args]; suites: indicators, bus, import, strategy");
        return 2;
}
