using System.CommandLine;

namespace Trading.Cli.Commands;

/// <summary>A command whose capability has not landed yet: it says what it waits for and exits non-zero.</summary>
public static class PendingCapability
{
    public const int ExitCode = 3;

    public static Command Create(string name, string description, string waitsFor, params Option[] options)
    {
        var command = new Command(name, description);
        foreach (var option in options) command.Options.Add(option);
        command.SetAction(_ =>
        {
            Console.Error.WriteLine($"error: '{name}' is not available yet: it waits for {waitsFor}.");
            return ExitCode;
        });
        return command;
    }
}
