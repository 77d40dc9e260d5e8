using System.CommandLine;

namespace Trading.Cli.Commands;

public static class BacktestCommands
{
    private const string WaitsFor = "the backtester (issue 5)";

    public static Command Create()
    {
        var command = new Command("backtest", "Backtests and parameter optimisation");
        command.Subcommands.Add(PendingCapability.Create("run", "Run a backtest", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("report", "Show a stored run", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("list", "List stored runs", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("optimize", "Search strategy parameters", WaitsFor));
        return command;
    }
}
