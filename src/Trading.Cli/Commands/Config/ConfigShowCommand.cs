using System.CommandLine;
using Spectre.Console;
using Trading.Cli.Output;
using Trading.Services.Configuration;

namespace Trading.Cli.Commands.Config;

/// <summary><c>trading config show</c>: every effective setting with its source, secrets masked.</summary>
public static class ConfigShowCommand
{
    public static Command Create()
    {
        var json = CliJson.Option();
        var command = new Command("show", "Print the effective configuration with its sources (secrets masked)");
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var loaded = CliSettings.Load(parse);
            if (parse.GetValue(json)) CliJson.Write(Json(loaded));
            else Render(loaded);
            return loaded.IsValid ? 0 : CliSettings.ReportProblems(loaded.Problems);
        });
        return command;
    }

    private static void Render(LoadedConfiguration loaded)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("Setting");
        table.AddColumn("Value");
        table.AddColumn("Source");
        foreach (var definition in SettingDefinitions.All)
            table.AddRow(Cell(definition.Name), Cell(definition.Display(loaded.Settings)), Cell(loaded.SourceOf(definition.Name).Display()));

        var s = loaded.Settings;
        table.AddRow(Cell("symbols"), Cell(string.Join(", ", s.Symbols.Select(x => $"{x.Symbol} [{string.Join(' ', x.Timeframes)}]"))),
            Cell(loaded.SourceOf(ConfigFileKeys.Symbols).Display()));
        table.AddRow(Cell("strategies"), Cell(string.Join(", ", s.Strategies.Select(x => x.Name))),
            Cell(loaded.SourceOf(ConfigFileKeys.Strategies).Display()));
        table.AddRow(Cell("bots"), Cell(string.Join(", ", s.Bots.Select(x => x.Id))), Cell(loaded.SourceOf(ConfigFileKeys.Bots).Display()));
        CliConsole.Create().Write(table);
    }

    private static object Json(LoadedConfiguration loaded) => new
    {
        settings = SettingDefinitions.All.Select(d => new { name = d.Name, value = d.Display(loaded.Settings), source = loaded.SourceOf(d.Name).Display() }),
        symbols = loaded.Settings.Symbols.Select(x => new { symbol = x.Symbol, timeframes = x.Timeframes, enabled = x.Enabled }),
        strategies = loaded.Settings.Strategies.Select(x => x.Name),
        bots = loaded.Settings.Bots.Select(x => x.Id),
    };

    private static Text Cell(string text) => new(text);
}
