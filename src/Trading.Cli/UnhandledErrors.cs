using Trading.Binance.Errors;

namespace Trading.Cli;

/// <summary>
/// The last line of defence: an exception that escapes a command becomes one <c>error:</c> line and exit 1;
/// the stack trace is printed only with <c>--verbose</c>.
/// </summary>
public static class UnhandledErrors
{
    public const int RuntimeError = 1;

    public static int Report(Exception error, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (verbose)
        {
            Console.Error.WriteLine($"error: {error}");
            return RuntimeError;
        }
        Console.Error.WriteLine(error is BinanceBannedException
            ? $"error: {FirstLine(error.Message)}"
            : $"error: {Describe(error)} (rerun with --verbose for the details)");
        return RuntimeError;
    }

    private static string Describe(Exception error)
    {
        var innermost = error is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : error;
        return FirstLine(innermost.Message);
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "an unexpected error occurred" : line;
    }
}
