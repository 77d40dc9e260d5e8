using System.CommandLine;

namespace Trading.Cli.Commands;

public static class PortfolioCommands
{
    private const string WaitsFor = "the portfolio manager (issue 6)";

    public static Command Create()
    {
        var command = new Command("portfolio", "Balances, positions and PnL");
        command.Subcommands.Add(PendingCapability.Create("show", "Show balances, positions and PnL", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("history", "Show portfolio snapshots", WaitsFor));
        return command;
    }
}
