using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Trading.TestInfrastructure.Servers;

/// <summary>
/// A throwaway redis-server on a free 127.0.0.1 port, killed and deleted on dispose. Persistence is off unless asked for;
/// with an append-only file (fsync on every write) it can be killed and restarted on the same port with its data.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string InstallHint = "run scripts/install-test-deps.sh to install redis-server";

    private readonly string directory;
    private readonly bool appendOnly;
    private Process process;

    private RedisServer(Process process, string directory, int port, bool appendOnly)
    {
        this.process = process;
        this.directory = directory;
        this.appendOnly = appendOnly;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"redis://127.0.0.1:{Port}";

    public static Task<RedisServer> StartAsync(CancellationToken ct = default) => StartAsync(appendOnly: false, ct);

    /// <param name="appendOnly">Keep an append-only file, fsynced on every write, so a killed server restarts with its data.</param>
    public static async Task<RedisServer> StartAsync(bool appendOnly, CancellationToken ct = default)
    {
        var directory = Directory.CreateTempSubdirectory("trading-redis-").FullName;
        var port = ExternalProcess.FreeLoopbackPort();
        var server = new RedisServer(Launch(port, directory, appendOnly), directory, port, appendOnly);
        try
        {
            await server.WaitUntilReadyAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the server at once (SIGKILL: no shutdown, no final save), like a crash.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Starts the server again on the same port and directory, after <see cref="KillAsync"/>; waits until it answers.</summary>
    public async Task StartAgainAsync(CancellationToken ct = default)
    {
        await KillAsync();
        process.Dispose();
        process = Launch(Port, directory, appendOnly);
        await WaitUntilReadyAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private static Process Launch(int port, string directory, bool appendOnly)
    {
        var binary = ExternalProcess.Find("redis-server", ["/usr/bin", "/usr/local/bin"])
            ?? throw new InvalidOperationException($"redis-server is not on PATH: {InstallHint}.");
        var info = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] persistence = appendOnly ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"];
        foreach (var argument in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--save", "" }.Concat(persistence)
            .Concat(["--dir", directory, "--daemonize", "no"]))
            info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start redis-server.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"redis-server exited with {process.ExitCode} on start.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port, timeout.Token);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
                var buffer = new byte[64];
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal)) return;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            await Task.Delay(50, timeout.Token);
        }
    }
}
