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

    /// <summary>
    /// Runs <paramref name="body"/> on a store that already holds data. A read-only command on an embedded store that does
    /// not exist yet runs <paramref name="whenMissing"/> (default: says there is no data yet and exits 0) and creates nothing.
    /// </summary>
    public static Task<int> ReadAsync(ParseResult parse, CancellationToken ct, Func<ITradingStore, string, Task<int>> body,
        Func<string, Task<int>>? whenMissing = null)
    {
        var location = StoreOpener.Resolve(parse);
        if (!StoreOpener.IsMissing(location)) return RunAsync(parse, ct, body, migrate: true);
        return (whenMissing ?? NoDataYet)(location.Describe());
    }

    /// <summary>The message of a read-only command on a store that does not exist yet.</summary>
    public static Task<int> NoDataYet(string description)
    {
        Console.WriteLine($"no data yet: {description} does not exist (data import, data history or a bot creates it)");
        return Task.FromResult(0);
    }

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
        return await GuardAsync(description, async () =>
        {
            await using var store = migrate ? await location.OpenAsync(ct) : await location.ConnectAsync(ct);
            return await body(store, description);
        });
    }

    /// <summary>Runs <paramref name="work"/> on the store at <paramref name="description"/>, turning store and bus failures into one <c>error:</c> line.</summary>
    public static async Task<int> GuardAsync(string description, Func<Task<int>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work();
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
        var width = migrations.Count == 0 ? 0 : migrations.Max(m => m.Name.Length);
        foreach (var m in migrations)
        {
            var state = m.Applied ? $"applied {m.AppliedAt:yyyy-MM-dd HH:mm:ss}Z" : "pending";
            Console.WriteLine($"  {m.Version,4}  {m.Name.PadRight(width)}  {state}");
        }
        Console.WriteLine($"{migrations.Count(m => m.Applied)} applied, {migrations.Count(m => !m.Applied)} pending");
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
