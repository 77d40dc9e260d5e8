using System.CommandLine;
using Trading.Core.Strategies;
using Trading.Core.Strategies.BuiltIn;
using Trading.Services.Plugins;

namespace Trading.Cli.Commands.Strategy;

/// <summary><c>trading strategy new --name my_strategy [--dir DIR]</c>: writes a commented template that compiles and runs.</summary>
public static class StrategyNewCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Strategy name in lower snake_case, e.g. my_strategy", Required = true };
        var dir = new Option<string?>("--dir") { Description = "Folder to write to (default: STRATEGIES_DIR, ./strategies)" };
        var command = new Command("new", "Write a new strategy template into the strategies folder");
        command.Options.Add(name);
        command.Options.Add(dir);
        command.SetAction(parse =>
        {
            var wanted = parse.GetValue(name) ?? "";
            if (!StrategyRegistry.IsValidName(wanted))
                return Fail($"invalid strategy name '{wanted}': use lower snake_case like my_strategy (a letter first, then letters, digits or _; 64 at most)");
            if (BuiltInStrategies.CreateRegistry().Contains(wanted))
                return Fail($"'{wanted}' is a built-in strategy name; choose another");
            var folder = parse.GetValue(dir);
            if (string.IsNullOrWhiteSpace(folder))
            {
                if (!CliSettings.TryLoad(parse, out var settings, out var exitCode)) return exitCode;
                folder = settings.StrategiesDir;
            }
            if (FolderProblem(folder) is { } problem) return Fail(problem);
            var path = Path.Combine(folder, wanted + ".cs");
            if (File.Exists(path)) return Fail($"{path} already exists; not overwritten");
            try
            {
                Directory.CreateDirectory(folder);
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(StrategyTemplate.Render(wanted));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail($"cannot write {path}: {e.Message}");
            }
            Console.WriteLine($"Wrote {path}. Edit it, then run `trading strategy info --name {wanted}`.");
            return 0;
        });
        return command;
    }

    /// <summary>Why the template cannot go into <paramref name="folder"/> (not a path, or an existing file), checked before anything is written.</summary>
    private static string? FolderProblem(string folder)
    {
        string full;
        try
        {
            full = Path.GetFullPath(folder);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"--dir '{folder.ReplaceLineEndings(" ").Replace('\0', ' ')}' is not a valid folder path";
        }
        return File.Exists(full) ? $"--dir '{folder}' is a file; give a folder for the strategy" : null;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return TradingCli.UsageError;
    }
}
