using System.CommandLine;
using Spectre.Console;
using Trading.Cli.Commands.Db;
using Trading.Services.Bots;
using Trading.Services.Hosting;

namespace Trading.Cli.Commands.Service;

/// <summary>
/// <c>trading service status [--name NAME] [--check]</c>: every platform service's lifecycle state, pid@host and heartbeat
/// age, read from the store, so it works from any process. <c>--check</c> (the container healthcheck) exits 0 only when the
/// named service is running or degraded with a heartbeat younger than <see cref="StaleAfter"/>.
/// </summary>
public static class ServiceStatusCommand
{
    public static TimeSpan StaleAfter { get; } = TimeSpan.FromSeconds(10);

    public static Command Create()
    {
        var name = new Option<string?>("--name") { Description = $"Only this service: {string.Join(", ", PlatformHost.Names)}, or platform" };
        var check = new Option<bool>("--check") { Description = "With --name: exit 0 when it is alive, 1 otherwise (a healthcheck)" };
        var command = new Command("status", "Show each service's state, pid and heartbeat");
        command.Options.Add(name);
        command.Options.Add(check);
        command.SetAction(async (parse, ct) =>
        {
            var only = parse.GetValue(name);
            if (only is not null && !PlatformHost.Names.Contains(only) && only != PlatformHost.Embedded)
            {
                await Console.Error.WriteLineAsync($"error: unknown service '{only}': expected one of {string.Join(", ", PlatformHost.Names)} or {PlatformHost.Embedded}");
                return TradingCli.UsageError;
            }
            if (parse.GetValue(check) && only is null)
            {
                await Console.Error.WriteLineAsync("error: --check needs --name");
                return TradingCli.UsageError;
            }
            var location = StoreOpener.Resolve(parse);
            if (StoreOpener.IsMissing(location)) return await NoStoreAsync(location.Describe(), parse.GetValue(check));
            return await StoreCommand.RunAsync(parse, ct, async (store, description) =>
            {
                // A status never creates a store: a database nothing has migrated yet is reported, not set up.
                if (!(await store.GetMigrationStatusAsync(ct)).Any(m => m.Applied)) return await NoStoreAsync(description, parse.GetValue(check));
                var states = new ServiceStateStore(store.SystemState);
                var now = TimeProvider.System.GetUtcNow();
                var rows = new List<(string Name, ServiceState? State)>();
                foreach (var service in only is null ? [PlatformHost.Embedded, .. PlatformHost.Names] : new[] { only })
                    rows.Add((service, await states.GetAsync(service, ct)));
                if (parse.GetValue(check)) return await CheckAsync(rows[0].Name, rows[0].State, now);
                var table = new Table().AddColumns("Service", "State", "PID", "Uptime", "Heartbeat", "Reason");
                foreach (var (service, state) in rows.Where(r => only is not null || r.State is not null))
                    table.AddRow(Cells(service, state, now));
                if (table.Rows.Count == 0)
                {
                    Console.WriteLine("no services have run on this store: start them with `trading service run` or `trading service up`");
                    return 0;
                }
                CliConsole.Create().Write(table);
                return 0;
            });
        });
        return command;
    }

    private static async Task<int> NoStoreAsync(string description, bool check)
    {
        if (!check)
        {
            Console.WriteLine($"no store: {description} does not exist yet (`trading service run` creates it)");
            return 0;
        }
        await Console.Error.WriteLineAsync($"error: no store: {description} does not exist yet");
        return StoreCommand.RuntimeError;
    }

    /// <summary>The healthcheck: exit 0 while alive, else one <c>error:</c> line saying why and exit 1.</summary>
    private static async Task<int> CheckAsync(string service, ServiceState? state, DateTimeOffset now)
    {
        if (IsAlive(state, now)) return 0;
        var why = state is null ? "never started" : state.State is ServiceState.Stopped or ServiceState.Faulted ? state.State : "lost (no heartbeat)";
        await Console.Error.WriteLineAsync($"error: {service} is not alive: {why}");
        return StoreCommand.RuntimeError;
    }

    private static bool IsAlive(ServiceState? state, DateTimeOffset now) =>
        state is { State: ServiceState.Running or ServiceState.Degraded or ServiceState.Starting } && now - state.Heartbeat <= StaleAfter
        && (state.Host != Environment.MachineName || BotProcessProbe.IsAlive(state.Pid, state.StartedAt));

    private static Markup[] Cells(string name, ServiceState? state, DateTimeOffset now)
    {
        if (state is null) return [Cell(name), Cell("never started"), Cell("-"), Cell("-"), Cell("-"), Cell("-")];
        var shown = state.State is ServiceState.Stopped or ServiceState.Faulted || IsAlive(state, now) ? state.State : "lost (no heartbeat)";
        return [Cell(name), Cell(shown), Cell($"{state.Pid}@{state.Host}"), Cell(Age((state.State == ServiceState.Stopped ? state.Heartbeat : now) - state.StartedAt)),
            Cell($"{Age(now - state.Heartbeat)} ago"), Cell(state.Reason ?? "-")];
    }

    private static string Age(TimeSpan span) => span.TotalSeconds < 60 ? $"{Math.Max(0, span.TotalSeconds):0}s" : span.TotalHours < 1 ? $"{(int)span.TotalMinutes}m" : $"{(int)span.TotalHours}h{span.Minutes:00}m";

    private static Markup Cell(string text) => new(Markup.Escape(text));
}
