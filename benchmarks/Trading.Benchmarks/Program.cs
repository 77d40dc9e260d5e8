using Trading.Benchmarks;

// One Stopwatch suite per file; run: dotnet run -c Release --project benchmarks/Trading.Benchmarks -- <suite>
var suites = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["risk-gate"] = RiskGateBenchmark.Run,
};

if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    Console.Error.WriteLine($"error: expected a suite name, one of: {string.Join(", ", suites.Keys)}");
    return 2;
}
return suite(args[1..]);
