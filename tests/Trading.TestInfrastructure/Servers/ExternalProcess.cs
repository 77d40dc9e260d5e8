using System.Diagnostics;

namespace Trading.TestInfrastructure.Servers;

/// <summary>Runs a server tool to completion, optionally as another OS user, and fails with its output when it fails.</summary>
public static class ExternalProcess
{
    public static bool IsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, string? asUser = null, CancellationToken ct = default)
    {
        var info = new ProcessStartInfo(asUser is null ? fileName : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is not null)
        {
            foreach (var part in new[] { "-u", asUser, "--", fileName }) info.ArgumentList.Add(part);
        }
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var text = (await output) + (await error);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} exited with {process.ExitCode}: {text.Trim()}");
        return text;
    }

    /// <summary>A loopback TCP port that was free a moment ago.</summary>
    public static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The first existing file among <paramref name="names"/> on PATH, then in <paramref name="extraDirectories"/>.</summary>
    public static string? Find(string name, IEnumerable<string> extraDirectories)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(extraDirectories)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}
