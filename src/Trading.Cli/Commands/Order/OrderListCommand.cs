using System.CommandLine;
using Trading.Cli.Commands.Db;
using Trading.Cli.Output;
using Trading.Services.Execution;

namespace Trading.Cli.Commands.Order;

/// <summary><c>trading order list [--open] [--limit 50]</c>: stored orders, newest first; a rejected or failed one with its reason.</summary>
public static class OrderListCommand
{
    public static Command Create()
    {
        var open = new Option<bool>("--open") { Description = "Only open orders" };
        var limit = new Option<int>("--limit") { Description = "How many orders to show", DefaultValueFactory = _ => 50 };
        var json = CliJson.Option();
        var command = new Command("list", "List orders");
        command.Options.Add(open);
        command.Options.Add(json);
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
                var orders = await store.Orders.ListAsync(parse.GetValue(open), parse.GetValue(limit), ct);
                var precision = await AmountPrecision.LoadAsync(store, ct);
                var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var order in orders)
                    if (await OrderFailures.CauseAsync(store, order, ct) is { } cause) reasons[order.Id] = cause;
                if (parse.GetValue(json)) CliJson.Write(orders.Select(o => OrderTable.Json(o, precision, reasons.GetValueOrDefault(o.Id))));
                else OrderTable.Print(orders, precision, reasons);
                return 0;
            });
        });
        return command;
    }
}
