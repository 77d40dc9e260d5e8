using System.CommandLine;
using System.Data.Common;
using Trading.Core.Storage;
using Trading.Messaging;
using Trading.Storage;

namespace Trading.Cli.Commands.Db;

/// <summary>Runs a command body against the configured store, turning configuration and connection failures (store or bus) into one-line errors.</summary>
internal static class StoreCommand
{
    public const int RuntimeError = 1;

    public static async Task<int> RunAsync(ParseResult parse, CancellationToken ct, Func<ITradingStore, string, Task<int>> body, bool migrate = false)
    {
        var location = StoreOpener.Resolve(parse);
        string description;
        try
        {
            description = location.Describe();
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return TradingCli.UsageError;
        }
        try
        {
            await using var store = migrate ? await location.OpenAsync(ct) : await location.ConnectAsync(ct);
            return await body(store, description);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"error: database {description}: {FirstLine(e.Message)}");
            return RuntimeError;
        }
        catch (MessageBusUnavailableException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return RuntimeError;
        }
    }

    public static void PrintStatus(IReadOnlyList<MigrationStatus> migrations)
    {
        foreach (var m in migrations)
        {
            var state = m.Applied ? $"applied {m.AppliedAt:yyyy-MM-dd HH:mm:ss}Z" : "pending";
            Console.WriteLine($"  {m.Version,4}  {m.Name,-24} {state}");
        }
        Console.WriteLine($"{migrations.Count(m => m.Applied)} applied, {migrations.Count(m => !m.Applied)} pending");
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
