using System.CommandLine;
using System.CommandLine.Completions;

namespace Trading.Cli.Tests.BadInput.Fuzz;

/// <summary>
/// Every runnable command of <see cref="TradingCli.Build"/> with its own options and arguments, each with the values
/// <see cref="FuzzValues"/> draws for its name and type (plus the choices the option itself completes to). A command or
/// option added later is fuzzed without a change here. <c>--data-dir</c> is not drawn (every vector runs on the fuzz store),
/// nor are <c>--verbose</c> (it asks for the trace) and help.
/// </summary>
internal static class FuzzVocabulary
{
    /// <param name="LongRunning">
    /// A valid vector would start work that runs until stopped (a bot, a server, a stream, background services), call
    /// Binance or import the bundled sample: it runs with its token already cancelled, so all of its parsing and validation
    /// runs and the work itself stops at once (exit 130, as after Ctrl+C).
    /// </param>
    public sealed record Command(string[] Path, IReadOnlyList<Input> Options, IReadOnlyList<Input> Arguments, bool LongRunning)
    {
        /// <summary>True when this vector would run until stopped: a long-running command, or one given a long-running flag (<c>service logs --follow</c>).</summary>
        public bool RunsUntilStopped(IEnumerable<string> args) => LongRunning || args.Any(LongRunningFlags.Contains);
    }

    /// <summary>An option (Name starts with --) or a positional argument; a flag has no values.</summary>
    public sealed record Input(string Name, string[] Values, bool IsFlag, bool IsMultiple);

    private static readonly HashSet<string> LongRunningCommands =
        ["trade start", "service run", "service start", "service up", "api", "data collect", "data history", "exchange simulate", "exchange info",
         "data sample"];

    /// <summary>
    /// Flags that make a command long-running: <c>--follow</c> prints what is appended until Ctrl+C, as <c>tail -f</c> does;
    /// <c>--docker</c> hands the work to the machine's Docker engine (containers that run until stopped), which a test must not drive.
    /// </summary>
    private static readonly HashSet<string> LongRunningFlags = ["--follow", "--docker"];

    private static readonly HashSet<string> NotDrawn = ["--data-dir", "--verbose", "--help", "-h", "-?", "/?", "/h", "--version"];

    public static readonly IReadOnlyList<Command> Commands = [.. Leaves(TradingCli.Build(), [])];

    private static IEnumerable<Command> Leaves(System.CommandLine.Command command, string[] path)
    {
        if (command.Action is not null && path.Length > 0)
            yield return new Command(path, [.. command.Options.Where(o => !NotDrawn.Contains(o.Name)).Select(Of)],
                [.. command.Arguments.Select(Of)], LongRunningCommands.Contains(string.Join(' ', path)));
        foreach (var sub in command.Subcommands)
            foreach (var leaf in Leaves(sub, [.. path, sub.Name]))
                yield return leaf;
    }

    private static Input Of(Option option)
    {
        var choices = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).Where(l => l is not ("true" or "false"));
        return new Input(option.Name, [.. choices, .. FuzzValues.For(option.Name, option.ValueType)], FuzzValues.IsFlag(option.ValueType),
            option.ValueType.IsArray);
    }

    private static Input Of(Argument argument) =>
        new(argument.Name, FuzzValues.For(argument.Name, argument.ValueType), false, argument.ValueType.IsArray);
}
