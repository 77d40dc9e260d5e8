using System.CommandLine;
using Trading.Cli.Commands.Backtest;

namespace Trading.Cli.Commands;

public static class BacktestCommands
{
    public static Command Create()
    {
        var command = new Command("backtest", "Backtests and parameter optimisation");
        command.Subcommands.Add(BacktestRunCommand.Create());
        command.Subcommands.Add(BacktestReportCommand.Create());
        command.Subcommands.Add(BacktestListCommand.Create());
        command.Subcommands.Add(BacktestOptimizeCommand.Create());
        return command;
    }
}
