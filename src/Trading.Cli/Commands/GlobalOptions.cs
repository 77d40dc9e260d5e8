using System.CommandLine;

namespace Trading.Cli.Commands;

public static class GlobalOptions
{
    public static Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Data directory for the embedded store (default ./data, or TRADING_DATA_DIR)",
        Recursive = true,
    };

    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Print the full details (stack trace) of an unexpected error",
        Recursive = true,
    };
}
