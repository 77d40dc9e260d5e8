using System.CommandLine;
using Trading.Cli.Commands.Db;
using Trading.Messaging;

namespace Trading.Cli.Commands.Order;

/// <summary><c>trading order cancel --id ID</c>: cancels an open order at its venue; an unknown or closed order is an error.</summary>
public static class OrderCancelCommand
{
    public static Command Create()
    {
        var id = new Option<string>("--id") { Description = "Order id or client order id", Required = true };
        var command = new Command("cancel", "Cancel an order");
        command.Options.Add(id);
        command.Options.Add(ExecutorSession.ConfirmLive);
        command.SetAction(async (parse, ct) =>
        {
            if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;
            if (!ExecutorSession.TryResolveMode(parse, settings, out var mode, out exit)) return exit;
            return await StoreCommand.RunAsync(parse, ct, async (store, _) =>
            {
                using var loggers = ExecutorSession.Loggers();
                await using var bus = new InProcessMessageBus();
                var executor = await ExecutorSession.CreateAsync(store, bus, settings, mode, loggers, ct);
                var outcome = await executor.CancelAsync(parse.GetValue(id)!, ct);
                if (outcome.IsDenied)
                {
                    await Console.Error.WriteLineAsync($"error: {outcome.Reason}");
                    return OrderPlaceCommand.DeniedExitCode;
                }
                Console.WriteLine(OrderTable.Describe(outcome.Order!));
                return 0;
            }, migrate: true);
        });
        return command;
    }
}
