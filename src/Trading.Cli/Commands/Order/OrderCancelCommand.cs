using System.CommandLine;

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
        command.SetAction((parse, ct) =>
        {
            var loaded = CliSettings.Load(parse);
            if (loaded.IsValid && StoreOpener.IsMissing(loaded.Settings))
            {
                Console.Error.WriteLine($"error: no order with id {parse.GetValue(id)}");
                return Task.FromResult(OrderPlaceCommand.DeniedExitCode);
            }
            return ExecutorSession.RunAsync(parse, ct, async (_, executor) =>
            {
                var outcome = await executor.CancelAsync(parse.GetValue(id)!, ct);
                if (outcome.IsDenied)
                {
                    await Console.Error.WriteLineAsync($"error: {outcome.Reason}");
                    return OrderPlaceCommand.DeniedExitCode;
                }
                Console.WriteLine(OrderTable.Describe(outcome.Order!));
                return 0;
            });
        });
        return command;
    }
}
