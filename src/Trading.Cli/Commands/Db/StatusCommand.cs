using System.CommandLine;

namespace Trading.Cli.Commands.Db;

public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show which migrations are applied and which are pending");
        command.SetAction((parse, ct) =>
        {
            var location = StoreOpener.Resolve(parse);
            if (StoreOpener.IsMissing(location))
            {
                Console.WriteLine($"{location.Describe()} does not exist yet: `trading db migrate` creates it");
                return Task.FromResult(0);
            }
            return StoreCommand.RunAsync(parse, ct, async (store, description) =>
            {
                Console.WriteLine(description);
                StoreCommand.PrintStatus(await store.GetMigrationStatusAsync(ct));
                return 0;
            });
        });
        return command;
    }
}
