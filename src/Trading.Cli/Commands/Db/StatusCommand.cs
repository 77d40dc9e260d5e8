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
        command.SetAction((parse, ct) =>
        {
            var location = StoreOpener.Resolve(parse);
            if (StoreOpener.IsMissing(location))
            {
                if (parse.GetValue(json)) CliJson.Write(new { store = location.Describe(), exists = false, migrations = Array.Empty<object>() });
                else Console.WriteLine($"{location.Describe()} does not exist yet: `trading db migrate` creates it");
                return Task.FromResult(0);
            }
            return StoreCommand.RunAsync(parse, ct, async (store, description) =>
            {
                var migrations = await store.GetMigrationStatusAsync(ct);
                if (parse.GetValue(json))
                {
                    CliJson.Write(new { store = description, exists = true, migrations = migrations.Select(m => new { version = m.Version, name = m.Name, applied = m.Applied, appliedAt = m.AppliedAt }) });
                    return 0;
                }
                Console.WriteLine(description);
                StoreCommand.PrintStatus(migrations);
                return 0;
            });
        });
        return command;
    }
}
