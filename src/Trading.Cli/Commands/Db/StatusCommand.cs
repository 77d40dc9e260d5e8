using System.CommandLine;
using Trading.Cli.Output;

namespace Trading.Cli.Commands.Db;

public static class StatusCommand
{
    public static Command Create()
    {
        var json = CliJson.Option();
        var command = new Command("status", "Show which migrations are applied and which are pending");
        command.Options.Add(json);
        command.SetAction((parse, ct) => StoreCommand.RunAsync(parse, ct, async (store, description) =>
        {
            if (parse.GetValue(json))
            {
                var migrations = await store.GetMigrationStatusAsync(ct);
                CliJson.Write(new { store = description, migrations = migrations.Select(m => new { version = m.Version, name = m.Name, applied = m.Applied, appliedAt = m.AppliedAt }) });
                return 0;
            }
            Console.WriteLine(description);
            StoreCommand.PrintStatus(await store.GetMigrationStatusAsync(ct));
            return 0;
        }));
        return command;
    }
}
