using System.CommandLine;
using Trading.Cli.Commands.Trade;
using Trading.Core.Risk;

namespace Trading.Cli.Commands;

public static class TradeCommands
{
    public static Command Create()
    {
        var command = new Command("trade", "Bots: start, stop and watch trading");
        command.Subcommands.Add(TradeStartCommand.Create());
        command.Subcommands.Add(TradeStopCommand.Create());
        command.Subcommands.Add(TradeStatusCommand.Create());
        command.Subcommands.Add(TradeStateCommand.Create("kill", TradingState.Halted, "Engage the kill switch (persisted)"));
        command.Subcommands.Add(TradeStateCommand.Create("reduce", TradingState.Reducing, "Allow only exits (REDUCING, persisted)"));
        command.Subcommands.Add(TradeStateCommand.Create("resume", TradingState.Active, "Release the kill switch (persisted)"));
        command.Subcommands.Add(TradeStopAllCommand.Create());
        return command;
    }
}
