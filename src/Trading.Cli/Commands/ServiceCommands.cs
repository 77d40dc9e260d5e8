using System.CommandLine;
using Trading.Cli.Commands.Service;

namespace Trading.Cli.Commands;

public static class ServiceCommands
{
    public static Command Create()
    {
        var command = new Command("service", "Run platform services");
        command.Subcommands.Add(ServiceHostCommand.CreateRun());
        command.Subcommands.Add(ServiceHostCommand.CreateStart());
        command.Subcommands.Add(ServiceStatusCommand.Create());
        command.Subcommands.Add(ServiceUpDownCommands.CreateUp());
        command.Subcommands.Add(ServiceUpDownCommands.CreateDown());
        command.Subcommands.Add(ServiceUpDownCommands.CreateLogs());
        return command;
    }
}
