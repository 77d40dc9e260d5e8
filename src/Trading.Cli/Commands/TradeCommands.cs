using System.CommandLine;
using Trading.Cli.Commands.Trade;
using Trading.Core.Risk;

namespace Trading.Cli.Commands;

public static class TradeCommands
{
    private const string WaitsFor = "the execution capability (issue 6)";

    public static Command Create()
    {
        var command = new Command("trade", "Bots: start, stop and watch trading");
        command.Subcommands.Add(PendingCapability.Create("start", "Start a bot", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("stop", "Stop a bot", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("status", "Show bot status", WaitsFor));
        command.Subcommands.Add(TradeStateCommand.Create("kill", TradingState.Halted, "Engage the kill switch (persisted)"));
        command.Subcommands.Add(TradeStateCommand.Create("resume", TradingState.Active, "Release the kill switch (persisted)"));
        return command;
    }
}
