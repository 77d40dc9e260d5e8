using System.CommandLine;

namespace Trading.Cli.Commands;

public static class ConfigCommands
{
    private const string WaitsFor = "the configuration capability (issue 2)";

    public static Command Create()
    {
        var command = new Command("config", "Show and validate configuration");
        command.Subcommands.Add(PendingCapability.Create("show", "Print the effective configuration with its sources", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("validate", "Validate the configuration", WaitsFor));
        return command;
    }
}
