using System.CommandLine;

namespace Trading.Cli.Commands;

public static class OrderCommands
{
    private const string WaitsFor = "the execution capability (issue 6)";

    public static Command Create()
    {
        var command = new Command("order", "Manual orders through the risk gate");
        command.Subcommands.Add(PendingCapability.Create("buy", "Place a buy order", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("sell", "Place a sell order", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("cancel", "Cancel an order", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("list", "List orders", WaitsFor));
        return command;
    }
}
