using System.Diagnostics;
using System.Globalization;
using Trading.Services.Bots;

namespace Trading.Cli.Commands.Service;

/// <summary>
/// The platform's services as local background processes (`service up|down` without Docker): each one is
/// <c>trading service run [--name NAME]</c>, its pid (and start time, so a reused pid never counts) in
/// <c>{data}/run/NAME.pid</c> and its output appended to <c>{data}/logs/NAME.log</c>. Stopping sends SIGTERM (the service
/// finishes in-flight work and records "stopped"), then SIGKILL after a timeout.
/// </summary>
internal sealed class LocalServices(string dataDir)
{
    private string RunDirectory => Path.Combine(dataDir, "run");

    public string LogDirectory => Path.Combine(dataDir, "logs");

    public string LogPath(string name) => Path.Combine(LogDirectory, $"{name}.log");

    private string PidPath(string name) => Path.Combine(RunDirectory, $"{name}.pid");

    /// <summary>The running process of <paramref name="name"/> from its pid file; null when there is none or it is gone.</summary>
    public int? RunningPid(string name)
    {
        if (!File.Exists(PidPath(name))) return null;
        var parts = File.ReadAllText(PidPath(name)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var startedMs)) return null;
        return BotProcessProbe.IsAlive(pid, DateTimeOffset.FromUnixTimeMilliseconds(startedMs)) ? pid : null;
    }

    /// <summary>Starts <c>trading service run</c> with <paramref name="arguments"/> in the background; returns its pid.</summary>
    public int Start(string name, IReadOnlyList<string> arguments)
    {
        Directory.CreateDirectory(RunDirectory);
        Directory.CreateDirectory(LogDirectory);
        var info = TradingCommand.StartInfo(["service", "run", .. arguments]);
        info.ArgumentList.Insert(0, "-c");
        info.ArgumentList.Insert(1, "exec \"$0\" \"$@\" </dev/null >>\"$TRADING_SERVICE_LOG\" 2>&1");
        info.ArgumentList.Insert(2, info.FileName);
        info.FileName = "/bin/sh";
        info.Environment["TRADING_SERVICE_LOG"] = LogPath(name);
        info.Environment["TRADING_DATA_DIR"] = Path.GetFullPath(dataDir);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {name}");
        File.WriteAllText(PidPath(name), string.Create(CultureInfo.InvariantCulture, $"{process.Id}\n{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}\n"));
        return process.Id;
    }

    /// <summary>SIGTERM, then SIGKILL when it has not exited within <paramref name="timeout"/>; true when it stopped by itself.</summary>
    public async Task<bool> StopAsync(string name, int pid, TimeSpan timeout, CancellationToken ct)
    {
        using var process = Process.GetProcessById(pid);
        await SignalAsync(pid, "TERM", ct);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        var graceful = true;
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            graceful = false;
            process.Kill();
            await process.WaitForExitAsync(ct);
        }
        File.Delete(PidPath(name));
        return graceful;
    }

    /// <summary>Forgets a pid file whose process is gone (killed, or the machine restarted).</summary>
    public void Forget(string name)
    {
        if (File.Exists(PidPath(name))) File.Delete(PidPath(name));
    }

    private static async Task SignalAsync(int pid, string signal, CancellationToken ct)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(ct);
    }
}
