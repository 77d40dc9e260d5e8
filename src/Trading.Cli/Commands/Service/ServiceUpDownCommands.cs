using System.CommandLine;
using Trading.Services.Configuration;

namespace Trading.Cli.Commands.Service;

/// <summary>
/// <c>trading service up|down|logs</c>. Locally (the default) the services run as background processes of this machine
/// (<see cref="LocalServices"/>): with DATABASE_URL and REDIS_URL each of the five in its own process, consumers first;
/// otherwise the embedded platform in one. <c>--docker</c> drives Docker Compose on deploy/docker-compose.yml instead.
/// </summary>
public static class ServiceUpDownCommands
{
    /// <summary>Start order: consumers before the collector that feeds them (stopped in reverse).</summary>
    private static readonly string[] StartOrder =
        [PlatformHost.Portfolio, PlatformHost.Executor, PlatformHost.Engine, PlatformHost.Supervisor, PlatformHost.Collector];

    /// <summary>The options every one of the three commands has (each command its own instances).</summary>
    private sealed record Common(Option<string?> Name, Option<bool> Docker, Option<string> File);

    public static Command CreateUp()
    {
        var (command, common) = Command("up", "Start the services in the background (pid and log files in the data directory), or with --docker under Docker Compose");
        command.SetAction((parse, ct) => RunAsync(parse, common, ct, ["up", "-d"], UpAsync));
        return command;
    }

    public static Command CreateDown()
    {
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait after SIGTERM before SIGKILL", DefaultValueFactory = _ => 30 };
        var (command, common) = Command("down", "Stop the background services (SIGTERM, then SIGKILL after --timeout), or with --docker `docker compose down`");
        command.Options.Add(timeout);
        command.SetAction((parse, ct) => RunAsync(parse, common, ct, ["down"], (local, names, token) => DownAsync(local, names, TimeSpan.FromSeconds(parse.GetValue(timeout)), token)));
        return command;
    }

    public static Command CreateLogs()
    {
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines until Ctrl+C" };
        var (command, common) = Command("logs", "Print the services' logs (--name, --follow), or with --docker `docker compose logs`");
        command.Options.Add(follow);
        command.SetAction((parse, ct) => RunAsync(parse, common, ct, parse.GetValue(follow) ? ["logs", "--follow"] : ["logs"],
            (local, names, token) => ServiceLogs.PrintAsync(local, names, parse.GetValue(follow), token)));
        return command;
    }

    private static (Command, Common) Command(string name, string description)
    {
        var common = new Common(
            new Option<string?>("--name") { Description = $"Only this service: {string.Join(", ", PlatformHost.Names)} or {PlatformHost.Embedded}" },
            new Option<bool>("--docker") { Description = "Drive `docker compose` on deploy/docker-compose.yml instead of local processes" },
            new Option<string>("--file") { Description = "The compose file (with --docker)", DefaultValueFactory = _ => ComposeRunner.DefaultFile });
        var command = new Command(name, description) { common.Name, common.Docker, common.File };
        return (command, common);
    }

    private static async Task<int> RunAsync(ParseResult parse, Common common, CancellationToken ct, string[] composeAction,
        Func<LocalServices, IReadOnlyList<string>, CancellationToken, Task<int>> local)
    {
        var only = parse.GetValue(common.Name);
        if (only is not null && !PlatformHost.Names.Contains(only) && only != PlatformHost.Embedded)
        {
            await Console.Error.WriteLineAsync($"error: unknown service '{only}': expected one of {string.Join(", ", PlatformHost.Names)} or {PlatformHost.Embedded}");
            return TradingCli.UsageError;
        }
        if (parse.GetValue(common.Docker))
        {
            // `compose down` stops the whole project; up and logs take the service's name.
            var service = only is null || composeAction[0] == "down" ? Array.Empty<string>() : [only];
            return await ComposeRunner.RunAsync(parse.GetValue(common.File)!, [.. composeAction, .. service], ct);
        }
        if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;
        var names = only is not null ? [only] : IsDistributed(settings) ? StartOrder : [PlatformHost.Embedded];
        return await local(new LocalServices(settings.DataDir), names, ct);
    }

    private static bool IsDistributed(TradingSettings settings) =>
        !string.IsNullOrWhiteSpace(settings.DatabaseUrl) && !string.IsNullOrWhiteSpace(settings.RedisUrl);

    private static Task<int> UpAsync(LocalServices local, IReadOnlyList<string> names, CancellationToken ct)
    {
        foreach (var name in names)
        {
            ct.ThrowIfCancellationRequested();
            if (local.RunningPid(name) is { } running)
            {
                Console.WriteLine($"{name} is already running (pid {running})");
                continue;
            }
            var pid = local.Start(name, name == PlatformHost.Embedded ? [] : ["--name", name]);
            Console.WriteLine($"started {name} (pid {pid}), log {local.LogPath(name)}");
        }
        Console.WriteLine("`trading service status` shows their state, `trading service logs --follow` their output, `trading service down` stops them");
        return Task.FromResult(0);
    }

    private static async Task<int> DownAsync(LocalServices local, IReadOnlyList<string> names, TimeSpan timeout, CancellationToken ct)
    {
        var everything = names.Count > 1 || names[0] == PlatformHost.Embedded ? [PlatformHost.Embedded, .. StartOrder.Reverse()] : names;
        var stopped = 0;
        foreach (var name in everything)
        {
            if (local.RunningPid(name) is not { } pid)
            {
                local.Forget(name);
                continue;
            }
            var graceful = await local.StopAsync(name, pid, timeout, ct);
            Console.WriteLine(graceful ? $"stopped {name} (pid {pid})" : $"killed {name} (pid {pid}): still running {timeout.TotalSeconds:0} s after SIGTERM");
            stopped++;
        }
        if (stopped == 0) Console.WriteLine("no services were running");
        return 0;
    }
}
