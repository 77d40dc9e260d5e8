using System.CommandLine;
using Trading.Cli.Commands.Db;
using Trading.Core.Risk;
using Trading.Services.Execution;

namespace Trading.Cli.Commands.Trade;

/// <summary>
/// <c>trading trade kill [--reason ...]</c> engages the kill switch (HALTED) and <c>trading trade resume</c> releases it (ACTIVE).
/// The state is persisted, so it survives restarts and a running executor reads it before its next order.
/// </summary>
public static class TradeStateCommand
{
    public static Command Create(string name, TradingState state, string description)
    {
        var reason = new Option<string?>("--reason") { Description = "Why (stored with the state)" };
        var command = new Command(name, description);
        command.Options.Add(reason);
        command.SetAction(async (parse, ct) => await StoreCommand.RunAsync(parse, ct, async (store, _) =>
        {
            var killSwitch = new KillSwitch(store.SystemState);
            var why = parse.GetValue(reason) ?? $"trading {name} from the CLI";
            await killSwitch.SetAsync(state, why, ct);
            Console.WriteLine($"trading state: {state.ToString().ToUpperInvariant()} ({why})");
            return 0;
        }, migrate: true));
        return command;
    }
}
