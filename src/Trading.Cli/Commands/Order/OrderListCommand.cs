using System.CommandLine;
using Trading.Cli.Commands.Db;

namespace Trading.Cli.Commands.Order;

/// <summary><c>trading order list [--open] [--limit 50]</c>: stored orders, newest first.</summary>
public static class OrderListCommand
{
    public static Command Create()
    {
        var open = new Option<bool>("--open") { Description = "Only open orders" };
        var limit = new Option<int>("--limit") { Description = "How many orders to show", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List orders");
        command.Options.Add(open);
        command.Options.Add(limit);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(limit) <= 0)
            {
                await Console.Error.WriteLineAsync("error: --limit must be positive");
                return TradingCli.UsageError;
            }
            return await StoreCommand.ReadAsync(parse, ct, async (store, _) =>
            {
                OrderTable.Print(await store.Orders.ListAsync(parse.GetValue(open), parse.GetValue(limit), ct));
                return 0;
            });
        });
        return command;
    }
}
