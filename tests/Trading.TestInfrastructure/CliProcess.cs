using System.Diagnostics;

namespace Trading.TestInfrastructure;

/// <summary>
/// Runs the built `trading` command (trading.dll beside the test binaries) as a child process with its own environment:
/// every platform variable of the developer's environment is removed first.
/// </summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static readonly string[] SettingNames = ["DATABASE_URL", "REDIS_URL", "LOG_LEVEL", "DRY_RUN"];
    private static readonly string[] SettingPrefixes = ["TRADING_", "BINANCE_", "RISK_"];

    /// <summary>The developer's own platform variables must not leak into a test run.</summary>
    private static bool IsPlatformSetting(string name) =>
        SettingNames.Contains(name, StringComparer.Ordinal) || SettingPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    /// <param name="input">Typed on the command's standard input, which is then closed; null gives it an empty input.</param>
    public static async Task<Result> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null, CancellationToken ct = default, string? input = null)
    {
        var info = StartInfo(arguments, environment, workingDirectory);
        info.RedirectStandardInput = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the trading CLI.");
        if (input is not null) await process.StandardInput.WriteAsync(input.AsMemory(), ct);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Runs the command under GNU time (<c>/usr/bin/time</c>, Debian package <c>time</c>) and returns its peak resident set
    /// size in bytes, as the kernel accounted it for the whole process life.
    /// </summary>
    public static async Task<(Result Result, long PeakRssBytes)> RunMeasuringMemoryAsync(IEnumerable<string> arguments, string workingDirectory,
        CancellationToken ct = default)
    {
        var report = Path.Combine(workingDirectory, $"peak-rss-{Guid.NewGuid():N}.txt");
        var info = StartInfo(arguments, null, workingDirectory);
        info.ArgumentList.Insert(0, info.FileName);
        foreach (var option in new[] { "-f", "%M", "-o", report }.Reverse()) info.ArgumentList.Insert(0, option);
        info.FileName = "/usr/bin/time";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start /usr/bin/time.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var kilobytes = long.Parse((await File.ReadAllTextAsync(report, ct)).Trim().Split('\n')[^1], System.Globalization.CultureInfo.InvariantCulture);
        return (new Result(process.ExitCode, await output, await error), kilobytes * 1024);
    }

    /// <summary>Starts a long-running command (such as <c>trade start</c>) and returns at once; see <see cref="RunningCli"/>.</summary>
    public static RunningCli Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null) =>
        new(Process.Start(StartInfo(arguments, environment, workingDirectory)) ?? throw new InvalidOperationException("Could not start the trading CLI."));

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, string? workingDirectory)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "trading.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: reference Trading.Cli from the test project.");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var name in info.Environment.Keys.Where(IsPlatformSetting).ToList()) info.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }
        return info;
    }
}
