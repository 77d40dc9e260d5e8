using System.CommandLine;

namespace Trading.Cli.Commands.Db;

public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending migrations (safe to run again)");
        command.SetAction((parse, ct) => StoreCommand.RunAsync(parse, ct, async (store, description) =>
        {
            var before = await store.GetMigrationStatusAsync(ct);
            var after = await store.MigrateAsync(ct);
            var newlyApplied = after.Count(m => m.Applied) - before.Count(m => m.Applied);
            Console.WriteLine(newlyApplied == 0
                ? $"{description}: up to date"
                : $"{description}: applied {newlyApplied} migration(s)");
            StoreCommand.PrintStatus(after);
            return 0;
        }));
        return command;
    }
}
