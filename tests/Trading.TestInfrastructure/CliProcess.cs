using System.Diagnostics;

namespace Trading.TestInfrastructure;

/// <summary>Runs the built `trading` command (trading.dll beside the test binaries) as a child process with its own environment.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null, CancellationToken ct = default)
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
        foreach (var name in new[] { "DATABASE_URL", "TRADING_DATA_DIR", "REDIS_URL" }) info.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the trading CLI.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return new Result(process.ExitCode, await output, await error);
    }
}
