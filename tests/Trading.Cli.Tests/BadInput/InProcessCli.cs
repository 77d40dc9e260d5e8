using Microsoft.Data.Sqlite;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.BadInput;

/// <summary>
/// Runs <see cref="TradingCli.RunAsync"/> inside the test process with stdout and stderr captured: thousands of cases in
/// seconds, where one OS process per case would take minutes. One run at a time (the console is process-wide); tests that
/// use it belong to <see cref="ConsoleCollection"/>. Pooled SQLite connections are closed after each run, so the store file
/// is complete on disk (no WAL left behind) when the caller hashes it.
/// </summary>
internal static class InProcessCli
{
    private static readonly SemaphoreSlim Turn = new(1, 1);

    public static async Task<CliProcess.Result> RunAsync(IReadOnlyList<string> args, CancellationToken ct = default)
    {
        await Turn.WaitAsync();
        var (output, error) = (new StringWriter(), new StringWriter());
        var (originalOut, originalError) = (Console.Out, Console.Error);
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            var exitCode = await TradingCli.RunAsync([.. args], ct);
            return new CliProcess.Result(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            SqliteConnection.ClearAllPools();
            Turn.Release();
        }
    }
}
