using System.CommandLine;
using Spectre.Console;
using Trading.Cli.Output;
using Trading.Core.Backtesting.Optimization;
using Trading.Services.Backtesting;

namespace Trading.Cli.Commands.Backtest;

/// <summary><c>trading backtest optimize</c>: a grid or random parameter search on every core, optionally walk-forward.</summary>
public static class BacktestOptimizeCommand
{
    public static Command Create()
    {
        var options = new BacktestOptions();
        options.Params.Description = "Parameter range name=from..to:step, name=a,b,c or name=value (repeatable)";
        var method = new Option<string>("--method") { Description = "grid (every combination) or random", DefaultValueFactory = _ => "grid" };
        var trials = new Option<int>("--trials") { Description = "Parameter sets to draw with --method random", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Random seed for --method random", DefaultValueFactory = _ => 42 };
        var metric = new Option<string>("--metric") { Description = "sharpe, return, calmar or profit_factor", DefaultValueFactory = _ => "sharpe" };
        var jobs = new Option<int>("--jobs") { Description = "Parallel workers (default: every core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var walkForward = new Option<string?>("--walk-forward") { Description = "folds=N: optimise in-sample, score the next window out-of-sample" };
        var json = CliJson.Option();
        var command = new Command("optimize", "Search strategy parameters");
        options.AddTo(command);
        foreach (var option in new Option[] { method, trials, seed, metric, jobs, walkForward, json }) command.Options.Add(option);
        command.SetAction((parse, ct) => BacktestCli.RunAsync(parse, async settings =>
        {
            var request = new OptimizationRequest
            {
                Base = options.ToRequest(parse, settings, new Dictionary<string, string>()),
                Ranges = parse.GetValue(options.Params) ?? [],
                Method = (parse.GetValue(method) ?? "grid").Trim().ToLowerInvariant(),
                Trials = parse.GetValue(trials),
                Seed = parse.GetValue(seed),
                Metric = ParseMetric(parse.GetValue(metric)),
                Jobs = parse.GetValue(jobs),
                WalkForwardFolds = ParseFolds(parse.GetValue(walkForward)),
            };
            if (request.Base.IsPortfolio)
                throw new BacktestInputException("backtest optimize searches one strategy's parameters: run a portfolio (--strategy a,b) with backtest run.");
            var strategies = BacktestCli.LoadStrategies(settings);
            OptimizationService.CheckParameters(request, strategies);
            BacktestCli.EnsureCandlesCanExist(request.Base, settings);
            await using var store = await BacktestCli.OpenStoreAsync(settings, ct);
            await BacktestCli.EnsureSampleDataAsync(store, request.Base, ct);
            var service = new OptimizationService(store, strategies);
            var prepared = await service.PrepareAsync(request, ct);
            if (prepared.Filters.Warning is { } warning) await Console.Error.WriteLineAsync(warning);
            var summary = RunWithProgress(service, prepared, showProgress: !parse.GetValue(json), ct);
            var id = BacktestService.NewRunId("opt");
            var record = await service.SaveAsync(id, request, summary, ct);
            OptimizationOutput.Print(record, await AmountPrecision.LoadAsync(store, ct), parse.GetValue(json));
            return 0;
        }));
        return command;
    }

    private static OptimizationSummary RunWithProgress(OptimizationService service, OptimizationService.Prepared prepared, bool showProgress, CancellationToken ct)
    {
        if (Console.IsOutputRedirected || !showProgress) return service.Run(prepared, ct: ct);
        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("optimize", maxValue: prepared.TotalTrials);
                var counter = new ConsoleProgress.Counter(task);
                return service.Run(prepared, counter.Increment, ct);
            });
    }

    private static OptimizationMetric ParseMetric(string? text)
    {
        try
        {
            return OptimizationMetrics.Parse(text ?? "sharpe");
        }
        catch (FormatException e)
        {
            throw new BacktestInputException(e.Message);
        }
    }

    private static int? ParseFolds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        if (value.StartsWith("folds=", StringComparison.OrdinalIgnoreCase)) value = value[6..];
        return int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var folds)
            ? folds
            : throw new BacktestInputException($"--walk-forward '{text}' must look like folds=5.");
    }
}
