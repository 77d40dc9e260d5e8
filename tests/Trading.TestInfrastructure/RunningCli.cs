using System.Diagnostics;
using System.Text;

namespace Trading.TestInfrastructure;

/// <summary>
/// A `trading` child process that keeps running: its output is collected as it arrives, it can be sent SIGTERM, and
/// disposing it kills it if it is still alive, so a failed test leaves nothing behind.
/// </summary>
public sealed class RunningCli : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Task _reading;

    internal RunningCli(Process process)
    {
        _process = process;
        _reading = Task.WhenAll(Pump(process.StandardOutput, _output), Pump(process.StandardError, _error));
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public string Error
    {
        get { lock (_error) return _error.ToString(); }
    }

    /// <summary>Asks the process to stop as a service manager does (SIGTERM), through the system's kill command.</summary>
    public async Task TerminateAsync(CancellationToken ct)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run kill.");
        await kill.WaitForExitAsync(ct);
    }

    /// <summary>Waits for the process to end by itself and returns its exit code and all its output.</summary>
    public async Task<CliProcess.Result> WaitForExitAsync(TimeSpan timeout, CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct).WaitAsync(timeout, ct);
        await _reading.WaitAsync(timeout, ct);
        return new CliProcess.Result(_process.ExitCode, Output, Error);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await _reading;
        _process.Dispose();
    }

    private static async Task Pump(StreamReader reader, StringBuilder sink)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (sink) sink.Append(buffer, 0, read);
        }
    }
}
