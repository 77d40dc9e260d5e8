using System.CommandLine;

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
        command.Subcommands.Add(PendingCapability.Create("kill", "Engage the kill switch", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("resume", "Release the kill switch", WaitsFor));
        return command;
    }
}
