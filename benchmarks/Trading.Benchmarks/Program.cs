using Trading.Benchmarks;

// One suite per file; add a line here for a new suite.
return args.FirstOrDefault() switch
{
    "storage" => await StorageBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/Trading.Benchmarks -- <suite>   (suites: storage)");
    return 2;
}
