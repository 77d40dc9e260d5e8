using System.CommandLine;
using Spectre.Console;
using Trading.Cli.Output;
using Trading.Services.Strategies;

namespace Trading.Cli.Commands.Strategy;

/// <summary><c>trading strategy list</c>: built-ins and plugins with their source, then any plugin load problems.</summary>
public static class StrategyListCommand
{
    public static Command Create()
    {
        var json = CliJson.Option();
        var command = new Command("list", "List built-in and plugin strategies with their source and load errors");
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            if (!CliSettings.TryLoad(parse, out var settings, out var exitCode)) return exitCode;
            var registry = StrategyCatalog.Describe(settings, out _);
            if (parse.GetValue(json))
            {
                CliJson.Write(new
                {
                    strategies = registry.Registrations.Select(r => new { name = r.Name, source = r.Source, builtIn = r.IsBuiltIn, summary = r.Summary }),
                    problems = registry.Problems,
                });
                return 0;
            }
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumn("Name");
            table.AddColumn("Source");
            table.AddColumn("Description");
            foreach (var registration in registry.Registrations)
                table.AddRow(new Text(registration.Name), new Text(registration.Source), new Text(registration.Summary));
            var console = CliConsole.Create();
            console.Write(table);
            if (registry.Problems.Count > 0)
            {
                console.WriteLine($"Plugin problems in {settings.StrategiesDir} ({registry.Problems.Count}):");
                foreach (var problem in registry.Problems) console.WriteLine("  " + problem);
            }
            return 0;
        });
        return command;
    }
}
