using System.CommandLine;
using Spectre.Console;
using Trading.Cli.Output;
using Trading.Core.Strategies;
using Trading.Services.Plugins;
using Trading.Services.Strategies;

namespace Trading.Cli.Commands.Strategy;

/// <summary><c>trading strategy info --name rsi</c>: the exact rules, the parameters and the warm-up.</summary>
public static class StrategyInfoCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Strategy name, e.g. rsi", Required = true };
        var json = CliJson.Option();
        var command = new Command("info", "Describe a strategy: rules, parameters with defaults and ranges, warm-up");
        command.Options.Add(name);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            if (!CliSettings.TryLoad(parse, out var settings, out var exitCode)) return exitCode;
            var registry = StrategyCatalog.Describe(settings, out var plugins);
            var wanted = parse.GetValue(name) ?? "";
            if (registry.Find(wanted) is not { } registration)
            {
                Console.Error.WriteLine($"error: unknown strategy '{wanted}'; known: {string.Join(", ", registry.Registrations.Select(r => r.Name))}");
                return TradingCli.UsageError;
            }
            if (parse.GetValue(json)) CliJson.Write(plugins.TryGetValue(registration.Name, out var plugin) ? DeclaredJson(plugin) : Json(registration, registry.Create(registration.Name)));
            else if (plugins.TryGetValue(registration.Name, out var declared)) RenderDeclared(declared);
            else Render(registration, registry.Create(registration.Name));
            return 0;
        });
        return command;
    }

    private static object DeclaredJson(PluginDeclaration plugin) => new
    {
        name = plugin.Name, source = plugin.Path, plugin = true, warmUp = (int?)null, description = plugin.Description.TrimEnd(), declaredParameters = plugin.Parameters,
    };

    private static object Json(StrategyRegistration registration, StrategyBase strategy) => new
    {
        name = registration.Name, source = registration.Source, plugin = false, warmUp = strategy.WarmUpPeriod, description = strategy.Description.TrimEnd(),
        parameters = strategy.Parameters.Select(p => new
        {
            name = p.Name, type = p.Kind.ToString().ToLowerInvariant(), @default = p.Default, min = p.Min, max = p.Max, step = p.Step, description = p.Description,
        }),
    };

    /// <summary>A plugin as its source declares it: describing a strategy never runs plugin code.</summary>
    private static void RenderDeclared(PluginDeclaration plugin)
    {
        var console = CliConsole.Create();
        console.WriteLine($"Strategy: {plugin.Name}");
        console.WriteLine($"Source:   {plugin.Path} (plugin: trusted code, compiled but not run to describe it)");
        console.WriteLine("Warm-up:  set by the plugin's code when it runs");
        console.WriteLine();
        console.WriteLine(plugin.Description.TrimEnd());
        console.WriteLine();
        console.WriteLine("Parameters, as declared in the source:");
        foreach (var parameter in plugin.Parameters) console.WriteLine($"  {parameter}");
    }

    private static void Render(StrategyRegistration registration, StrategyBase strategy)
    {
        var console = CliConsole.Create();
        console.WriteLine($"Strategy: {registration.Name}");
        console.WriteLine($"Source:   {registration.Source}");
        console.WriteLine($"Warm-up:  {strategy.WarmUpPeriod} candles (with default parameters)");
        if (strategy.ExtraInputs.Count > 0)
            console.WriteLine($"Inputs:   {string.Join(", ", strategy.ExtraInputs.Select(i => $"{i.Symbol?.Name ?? "(bot symbol)"} {i.Timeframe}"))}");
        console.WriteLine();
        console.WriteLine(strategy.Description.TrimEnd());
        console.WriteLine();
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "Parameter", "Type", "Default", "Range", "Step", "Description" }) table.AddColumn(column);
        foreach (var p in strategy.Parameters)
        {
            var step = p.Step?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            table.AddRow(new Text(p.Name), new Text(p.Kind.ToString().ToLowerInvariant()), new Text(p.Default), new Text(p.RangeText), new Text(step), new Text(p.Description));
        }
        console.Write(table);
    }
}
