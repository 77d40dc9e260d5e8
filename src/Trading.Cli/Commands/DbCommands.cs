using System.CommandLine;

namespace Trading.Cli.Commands;

public static class DbCommands
{
    public static Command Create()
    {
        var command = new Command("db", "Database migrations");
        command.Subcommands.Add(Db.MigrateCommand.Create());
        command.Subcommands.Add(Db.StatusCommand.Create());
        return command;
    }
}
