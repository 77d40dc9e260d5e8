using Trading.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/Trading.Benchmarks -- <suite> [options]
// Add a suite by adding one case below and one file for it.
return args.Length == 0 ? Usage() : args[0] switch
{
    "indicators" => IndicatorBenchmark.Run(args[1..]),
    _ => Usage($"unknown suite '{args[0]}'"),
};

static int Usage(string? error = null)
{
    if (error is not null) Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine("usage: Trading.Benchmarks <suite> [options]; suites: indicators");
    return 2;
}
