using Trading.Benchmarks;

var suite = args.Length > 0 ? args[0] : "";
switch (suite)
{
    case "import":
        return await ImportBenchmark.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("usage: Trading.Benchmarks <suite> [args]; suites: import");
        return 2;
}
