using System.CommandLine;
using Trading.Services.Strategies;

namespace Trading.Cli.Commands.Config;

/// <summary>
/// <c>trading config validate</c>: every setting and file, including the strategies and bots against the built-in and plugin
/// strategies (names, parameters, types and ranges). Exit 0 when valid, else one line per problem on stderr and exit 2.
/// </summary>
public static class ConfigValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", "Validate the configuration: every problem, one line each");
        command.SetAction(parse =>
        {
            var loaded = CliSettings.Load(parse);
            var problems = loaded.Problems.Concat(StrategyConfigCheck.Check(loaded.Settings, StrategyCatalog.Load(loaded.Settings))).ToList();
            if (problems.Count > 0) return CliSettings.ReportProblems(problems);
            Console.Out.WriteLine("configuration is valid");
            return 0;
        });
        return command;
    }
}
