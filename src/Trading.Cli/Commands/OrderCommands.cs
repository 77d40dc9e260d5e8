using System.CommandLine;
using Trading.Cli.Commands.Order;
using Trading.Core.Model;

namespace Trading.Cli.Commands;

public static class OrderCommands
{
    public static Command Create()
    {
        var command = new Command("order", "Manual orders through the risk gate");
        command.Subcommands.Add(OrderPlaceCommand.Create(OrderSide.Buy));
        command.Subcommands.Add(OrderPlaceCommand.Create(OrderSide.Sell));
        command.Subcommands.Add(OrderCancelCommand.Create());
        command.Subcommands.Add(OrderListCommand.Create());
        return command;
    }
}
