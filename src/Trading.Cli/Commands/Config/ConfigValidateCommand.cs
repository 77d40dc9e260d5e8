using System.CommandLine;

namespace Trading.Cli.Commands.Config;

/// <summary><c>trading config validate</c>: exit 0 when valid, else one line per problem on stderr and exit 2.</summary>
public static class ConfigValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", "Validate the configuration: every problem, one line each");
        command.SetAction(parse =>
        {
            var loaded = CliSettings.Load(parse);
            if (!loaded.IsValid) return CliSettings.ReportProblems(loaded.Problems);
            Console.Out.WriteLine("configuration is valid");
            return 0;
        });
        return command;
    }
}
