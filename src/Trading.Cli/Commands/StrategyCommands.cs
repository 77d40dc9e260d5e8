using System.CommandLine;

namespace Trading.Cli.Commands;

public static class StrategyCommands
{
    private const string WaitsFor = "the strategy capability (issue 4)";

    public static Command Create()
    {
        var command = new Command("strategy", "Strategies: list, inspect, scaffold");
        command.Subcommands.Add(PendingCapability.Create("list", "List built-in and plugin strategies", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("info", "Describe a strategy", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("new", "Write a new strategy template", WaitsFor));
        return command;
    }
}
