using System.Diagnostics;

namespace Trading.Cli.Commands.Service;

/// <summary>
/// `service up|down|logs --docker`: drives Docker Compose on deploy/docker-compose.yml (<c>docker-compose</c> when it is
/// installed, else the <c>docker compose</c> plugin). Its output passes through; a failure (no engine reachable, a bad
/// file) ends in one error line with the command and Compose's last message.
/// </summary>
internal static class ComposeRunner
{
    public const string DefaultFile = "deploy/docker-compose.yml";

    /// <summary>The command line: the program and its arguments, ending with <paramref name="action"/>.</summary>
    public static (string Program, string[] Arguments) CommandLine(string file, IEnumerable<string> action)
    {
        string[] compose = OnPath("docker-compose") ? ["docker-compose"] : ["docker", "compose"];
        return (compose[0], [.. compose.Skip(1), "-f", file, .. action]);
    }

    public static async Task<int> RunAsync(string file, IReadOnlyList<string> action, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"error: compose file {file} not found (run from the repository root, or pass --file)");
            return StoreCommandExit;
        }
        ct.ThrowIfCancellationRequested();
        var (program, arguments) = CommandLine(file, action);
        var shown = string.Join(' ', [program, .. arguments]);
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            await Console.Error.WriteLineAsync($"error: {shown}: {e.Message} (is Docker Compose installed?)");
            return StoreCommandExit;
        }
        using (process)
        using (ct.Register(() => StopQuietly(process)))
        {
            var messages = new List<string>();
            while (await process.StandardError.ReadLineAsync(ct) is { } line)
                if (!string.IsNullOrWhiteSpace(line)) messages.Add(line.Trim());
            await process.WaitForExitAsync(ct);
            if (process.ExitCode == 0)
            {
                foreach (var message in messages) await Console.Error.WriteLineAsync(message);
                return 0;
            }
            await Console.Error.WriteLineAsync($"error: {shown} failed (exit {process.ExitCode}): {messages.LastOrDefault() ?? "no message"}");
            return StoreCommandExit;
        }
    }

    private const int StoreCommandExit = 1;

    /// <summary>Ctrl+C (or the token) stops Compose too, as it would in a terminal, so `logs --follow` does not outlive the command.</summary>
    private static void StopQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it had already exited
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
