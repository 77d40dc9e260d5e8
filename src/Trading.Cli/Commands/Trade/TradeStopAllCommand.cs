using System.CommandLine;
using Trading.Cli.Commands.Order;
using Trading.Services.Bots;
using Trading.Services.Execution;

namespace Trading.Cli.Commands.Trade;

/// <summary>
/// <c>trading trade stop-all [--yes]</c>: the full kill switch (see <see cref="StopAll"/>): HALTED, every bot stopped, every
/// open order cancelled at the venue, printed order by order. Without --yes it asks first; anything but "y"/"yes" changes nothing.
/// </summary>
public static class TradeStopAllCommand
{
    public const int NotConfirmed = 1;
    private static readonly TimeSpan BotStopWait = TimeSpan.FromSeconds(20);

    public static Command Create()
    {
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation" };
        var reason = new Option<string?>("--reason") { Description = "Why (stored with the HALTED state)" };
        var command = new Command("stop-all", "Kill switch: halt trading, stop every bot and cancel every open order at the venue");
        command.Options.Add(yes);
        command.Options.Add(reason);
        command.Options.Add(ExecutorSession.ConfirmLive);
        command.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(yes) && !Confirmed())
            {
                await Console.Error.WriteLineAsync("error: stop-all not confirmed; nothing changed (give --yes to skip the question)");
                return NotConfirmed;
            }
            var why = parse.GetValue(reason) ?? "trading trade stop-all from the CLI";
            return await ExecutorSession.RunAsync(parse, ct, async (store, executor) =>
            {
                var bots = new BotControl(store, TimeProvider.System);
                var report = await new StopAll(store, bots).RunAsync(executor, why, Console.WriteLine, ct);
                var still = await bots.WaitStoppedAsync(await bots.RunningAsync(ct), BotStopWait, ct);
                foreach (var id in still) await Console.Error.WriteLineAsync($"warning: bot {id} has not reported stopped yet; its stop request stays pending");
                return report.Problems.Count == 0 && still.Count == 0 ? 0 : Db.StoreCommand.RuntimeError;
            });
        });
        return command;
    }

    private static bool Confirmed()
    {
        Console.Write("Halt trading, stop every bot and cancel every open order at the venue? [y/N] ");
        var answer = Console.ReadLine()?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }
}
