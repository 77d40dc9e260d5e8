using System.CommandLine;

namespace Trading.Cli.Commands;

public static class StrategyCommands
{
    public static Command Create()
    {
        var command = new Command("strategy", "Strategies: list, inspect, scaffold");
        command.Subcommands.Add(Strategy.StrategyListCommand.Create());
        command.Subcommands.Add(Strategy.StrategyInfoCommand.Create());
        command.Subcommands.Add(Strategy.StrategyNewCommand.Create());
        return command;
    }
}
