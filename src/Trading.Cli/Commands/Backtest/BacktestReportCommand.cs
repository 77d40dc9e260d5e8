using System.CommandLine;
using Trading.Cli.Output;
using Trading.Services.Backtesting;

namespace Trading.Cli.Commands.Backtest;

/// <summary><c>trading backtest report --id latest|ID [--html FILE]</c>: shows a stored run again.</summary>
public static class BacktestReportCommand
{
    public static Command Create()
    {
        var id = new Option<string>("--id") { Description = "Run id, or 'latest'", DefaultValueFactory = _ => "latest" };
        var html = new Option<string?>("--html") { Description = "Write the run's HTML report to this file" };
        var json = CliJson.Option();
        var command = new Command("report", "Show a stored run");
        command.Options.Add(id);
        command.Options.Add(json);
        command.Options.Add(html);
        command.SetAction((parse, ct) => BacktestCli.RunAsync(parse, async settings =>
        {
            var wanted = parse.GetValue(id) ?? "latest";
            BacktestCli.CheckHtmlPath(parse.GetValue(html), settings);
            if (StoreOpener.IsMissing(settings)) throw new BacktestInputException(wanted == "latest" ? "no stored runs yet." : $"no stored run with id '{wanted}'.");
            await using var store = await BacktestCli.OpenStoreAsync(settings, ct);
            var record = wanted.Equals("latest", StringComparison.OrdinalIgnoreCase)
                ? await store.BacktestRuns.GetLatestAsync(ct)
                : await store.BacktestRuns.GetAsync(wanted, ct);
            if (record is null) throw new BacktestInputException(wanted == "latest" ? "no stored runs yet." : $"no stored run with id '{wanted}'.");
            if (record.Kind != "backtest")
            {
                OptimizationOutput.Print(record, await AmountPrecision.LoadAsync(store, ct), parse.GetValue(json));
                return 0;
            }
            await BacktestTables.PrintAsync(BacktestJson.ToReport(record), asJson: parse.GetValue(json), parse.GetValue(html), ct);
            return 0;
        }));
        return command;
    }
}
