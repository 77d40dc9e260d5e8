using System.CommandLine;

namespace Trading.Cli.Commands;

public static class DbCommands
{
    private const string WaitsFor = "the storage capability (issue 2)";

    public static Command Create()
    {
        var command = new Command("db", "Database migrations");
        command.Subcommands.Add(PendingCapability.Create("migrate", "Apply pending migrations", WaitsFor));
        command.Subcommands.Add(PendingCapability.Create("status", "Show migration status", WaitsFor));
        return command;
    }
}
