using System.CommandLine;

namespace Trading.Cli.Commands;

public static class ServiceCommands
{
    private const string WaitsFor = "the services capability";

    public static Command Create()
    {
        var command = new Command("service", "Run platform services");
        command.Subcommands.Add(PendingCapability.Create("run", "Run all services in one process", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("start", "Run one service", WaitsFor));
        return command;
    }
}
