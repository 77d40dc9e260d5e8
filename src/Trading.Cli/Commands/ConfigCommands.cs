using System.CommandLine;
using Trading.Cli.Commands.Config;

namespace Trading.Cli.Commands;

public static class ConfigCommands
{
    public static Command Create()
    {
        var command = new Command("config", "Show and validate configuration");
        command.Subcommands.Add(ConfigShowCommand.Create());
        command.Subcommands.Add(ConfigValidateCommand.Create());
        return command;
    }
}
