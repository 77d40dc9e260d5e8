using System.CommandLine;
using Trading.Cli.Commands.Portfolio;

namespace Trading.Cli.Commands;

public static class PortfolioCommands
{
    public static Command Create()
    {
        var command = new Command("portfolio", "Balances, positions and PnL");
        command.Subcommands.Add(PortfolioShowCommand.Create());
        command.Subcommands.Add(PortfolioHistoryCommand.Create());
        command.Subcommands.Add(PortfolioRepairCommand.Create());
        return command;
    }
}
