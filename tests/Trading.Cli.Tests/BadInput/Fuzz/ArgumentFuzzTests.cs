using System.Diagnostics;
using Shouldly;
using Trading.TestInfrastructure;

namespace Trading.Cli.Tests.BadInput.Fuzz;

/// <summary>
/// Issue 16's fuzz test: random argument vectors (<see cref="FuzzVectors"/>, fixed seed) built from each command's
/// own options, run in-process on a prepared store. None prints a stack trace or reaches the last-resort handler; every
/// exit is a documented one (0, 1, 2; 130 for a long-running command stopped by its token) with an <c>error:</c> line when
/// not 0; a refused vector leaves the store byte-for-byte as it was (SHA-256) and writes no file; and every vector ends on
/// its own within <see cref="Watchdog"/> (a long-running one at once, as its token is already cancelled).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ArgumentFuzzTests : IDisposable
{
    /// <summary>Issue 16's count; FUZZ_VECTORS overrides it (a longer hunt, or a quick look while changing the fuzzer).</summary>
    private static readonly int Vectors = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_VECTORS"), out var n) && n > 0 ? n : 10_000;
    private const int Seed = 16;

    /// <summary>A vector still running after this is a hang: it is cancelled and reported (most end within milliseconds, the slowest in seconds).</summary>
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(30);
    private readonly FuzzMachine _machine = new();

    [Fact]
    public async Task Run_RandomArgumentVectors_NoStackTraceAndNoRefusalChangesAnything()
    {
        await _machine.PrepareAsync();
        var problems = new List<string>();
        var exits = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var timeByCommand = new Dictionary<string, (TimeSpan Time, int Count)>();
        foreach (var (command, args) in new FuzzVectors(Seed).Take(Vectors))
        {
            var started = clock.Elapsed;
            var vector = args.Select(a => a.Replace("{dir}", _machine.Dir, StringComparison.Ordinal)).ToList();
            var runsUntilStopped = command.RunsUntilStopped(vector);
            using var watchdog = new CancellationTokenSource(Watchdog);
            var result = await RunAsync(vector, runsUntilStopped ? cancelled.Token : watchdog.Token);
            exits[result.ExitCode] = exits.GetValueOrDefault(result.ExitCode) + 1;
            var storeChanged = StoreFingerprint.Of(_machine.DataDir) != _machine.StoreHash;
            var newEntries = _machine.NewEntries();
            var problem = watchdog.IsCancellationRequested && !runsUntilStopped && result.ExitCode == TradingCli.Cancelled
                ? $"still running after {Watchdog.TotalSeconds:0} s (exit {result.ExitCode} once cancelled)"
                : Problem(runsUntilStopped, result, storeChanged, newEntries, command);
            if (problem is not null && problems.Count < 20) problems.Add($"{Show(vector)}\n    {problem}");
            if (storeChanged || newEntries.Count > 0) _machine.Reset();
            var name = string.Join(' ', command.Path);
            var (time, count) = timeByCommand.GetValueOrDefault(name);
            timeByCommand[name] = (time + clock.Elapsed - started, count + 1);
        }
        var slowest = string.Join(", ", timeByCommand.OrderByDescending(c => c.Value.Time).Take(6)
            .Select(c => $"{c.Key} {c.Value.Time.TotalSeconds:0.0} s/{c.Value.Count}"));

        TestContext.Current.SendDiagnosticMessage($"{Vectors} vectors in {clock.Elapsed.TotalSeconds:0.0} s (slowest: {slowest}): exits {string.Join(", ", exits.Select(e => $"{e.Key}: {e.Value}"))}");
        problems.ShouldBeEmpty(string.Join('\n', problems));
        exits.GetValueOrDefault(0).ShouldBeGreaterThan(Vectors / 20, "too few vectors were valid to test anything but parsing");
        exits.GetValueOrDefault(2).ShouldBeGreaterThan(Vectors / 20);
    }

    /// <summary>Runs one vector; one that ignores its cancelled token fails the test with the vector instead of hanging it.</summary>
    private async Task<CliProcess.Result> RunAsync(IReadOnlyList<string> vector, CancellationToken ct)
    {
        var run = InProcessCli.RunAsync([.. vector, "--data-dir", _machine.DataDir], ct);
        try
        {
            return await run.WaitAsync(Watchdog * 2, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Show(vector)} did not end within {(Watchdog * 2).TotalSeconds:0} s, nor when cancelled");
        }
    }

    private static string? Problem(bool runsUntilStopped, CliProcess.Result result, bool storeChanged, IReadOnlyList<string> newEntries,
        FuzzVocabulary.Command command)
    {
        var text = result.Output + result.Error;
        if (text.Contains("   at ", StringComparison.Ordinal)) return $"stack trace: {text}";
        if (text.Contains("--verbose for the details", StringComparison.Ordinal)) return $"unhandled exception: {result.Error}";
        var documented = result.ExitCode is >= 0 and <= 2 || (runsUntilStopped && result.ExitCode == TradingCli.Cancelled);
        if (!documented) return $"exit {result.ExitCode}: {result.Error}";
        if (result.ExitCode == 0) return null;
        if (!result.ErrorLines.Any(l => l.StartsWith("error:", StringComparison.Ordinal))) return $"exit {result.ExitCode} without an error line: {result.Error}";
        if (newEntries.Count > 0) return $"refused (exit {result.ExitCode}: {First(result)}) but wrote {string.Join(", ", newEntries)}";
        if (storeChanged && !JournalsDenial(command, result)) return $"refused (exit {result.ExitCode}: {First(result)}) but changed the store";
        return null;
    }

    /// <summary>A risk denial of <c>order buy|sell</c> (exit 1) is recorded with its signal by design; only their usage refusals must leave the store alone.</summary>
    private static bool JournalsDenial(FuzzVocabulary.Command command, CliProcess.Result result) =>
        command.Path is ["order", "buy" or "sell"] && result.ExitCode == 1;

    private static string First(CliProcess.Result result) => string.Join(" | ", result.ErrorLines.Take(3));

    private static string Show(IEnumerable<string> args) =>
        string.Join(' ', args.Select(a => a.Length > 40 ? $"'{a[..20]}…({a.Length})'" : $"'{a.Replace("\n", "\\n").Replace("\u001b", "\\e").Replace("\0", "\\0")}'"));

    public void Dispose() => _machine.Dispose();
}
