using System.CommandLine;
using Trading.Services.Backtesting;

namespace Trading.Cli.Commands.Backtest;

/// <summary><c>trading backtest run</c>: one backtest, stored, printed as a table (or JSON), optionally as an HTML report.</summary>
public static class BacktestRunCommand
{
    public static Command Create()
    {
        var options = new BacktestOptions();
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report to this file" };
        var json = new Option<bool>("--json") { Description = "Print the run id and statistics as JSON instead of a table" };
        var command = new Command("run", "Run a backtest");
        options.AddTo(command);
        command.Options.Add(html);
        command.Options.Add(json);
        command.SetAction((parse, ct) => BacktestCli.RunAsync(parse, async settings =>
        {
            var request = options.ToRequest(parse, settings);
            request.Validate();
            BacktestCli.CheckHtmlPath(parse.GetValue(html), settings);
            var strategies = BacktestCli.LoadStrategies(settings);
            if (request.IsPortfolio) PortfolioStrategies.Create(strategies, request.Strategy, request.Parameters);
            else BacktestService.CreateStrategy(strategies, request.Strategy, request.Parameters);
            BacktestCli.EnsureCandlesCanExist(request, settings);
            await using var store = await BacktestCli.OpenStoreAsync(settings, ct);
            await BacktestCli.EnsureSampleDataAsync(store, request, ct);
            var service = new BacktestService(store, strategies);
            var prepared = await service.PrepareAsync(request, ct);
            if (prepared.Filters.Warning is { } warning) await Console.Error.WriteLineAsync(warning);
            var runId = BacktestService.NewRunId("bt");
            var report = ConsoleProgress.Run("backtest", prepared.Data.Count, progress => BacktestService.Run(prepared, runId, progress, ct));
            await service.SaveAsync(prepared, report, ct);

            await BacktestTables.PrintAsync(report, parse.GetValue(json), parse.GetValue(html), ct);
            return 0;
        }));
        return command;
    }
}
