using Spectre.Console;

namespace Trading.Cli;

/// <summary>A Spectre console over the current <see cref="Console.Out"/>, wide enough not to wrap when output is redirected.</summary>
public static class CliConsole
{
    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (Console.IsOutputRedirected) console.Profile.Width = 200;
        return console;
    }
}
