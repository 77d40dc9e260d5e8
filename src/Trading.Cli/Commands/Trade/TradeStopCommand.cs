using System.CommandLine;
using System.Diagnostics;
using Trading.Cli.Commands.Db;
using Trading.Core.Storage;
using Trading.Services.Bots;

namespace Trading.Cli.Commands.Trade;

/// <summary>
/// <c>trading trade stop --bot NAME [--timeout 30]</c>: stores a stop request that the running bot polls every second,
/// waits until it reports stopped and exits 0. A bot that is not running is reported and left alone; a bot whose
/// process is gone (no heartbeat, pid dead on this host) is marked stopped.
/// </summary>
public static class TradeStopCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static Command Create()
    {
        var bot = new Option<string>("--bot") { Description = "The bot to stop", Required = true };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for it to stop", DefaultValueFactory = _ => 30 };
        var command = new Command("stop", "Stop a running bot and wait until it has stopped");
        command.Options.Add(bot);
        command.Options.Add(timeout);
        command.SetAction(async (parse, ct) =>
        {
            var seconds = parse.GetValue(timeout);
            if (seconds <= 0) return Usage($"--timeout must be a positive number of seconds, got {seconds}");
            if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;
            var id = parse.GetValue(bot)!;
            if (BotNames.Problem(id) is { } invalid) return Usage(invalid);
            if (StoreOpener.IsMissing(settings))
            {
                if (settings.Bots.All(b => b.Id != id)) return Usage($"unknown bot '{id}': it is not configured ({settings.ConfigDir}/bots/*.json) and has never run");
                Console.WriteLine($"bot {id} is not running (never started)");
                return 0;
            }
            return await StoreCommand.RunAsync(parse, ct, async (store, _) =>
            {
                var runtimes = new BotRuntimeStore(store);
                var state = await runtimes.GetAsync(id, ct);
                if (state is null)
                {
                    var known = settings.Bots.Any(b => b.Id == id) || await store.Bots.GetAsync(id, ct) is not null;
                    if (!known) return Usage($"unknown bot '{id}': it is not configured ({settings.ConfigDir}/bots/*.json) and has never run");
                    Console.WriteLine($"bot {id} is not running (never started)");
                    return 0;
                }
                if (!state.IsRunning)
                {
                    Console.WriteLine($"bot {id} is not running (stopped {state.StoppedAt:yyyy-MM-dd HH:mm:ss}Z)");
                    return 0;
                }
                var now = TimeProvider.System.GetUtcNow();
                if (state.IsLost(now, BotRuntimeOptions.StaleAfter) && IsGone(state))
                {
                    await runtimes.MarkStoppedAsync(state, "process gone (no heartbeat)", now, ct);
                    Console.WriteLine($"bot {id} was not running any more (pid {state.Pid} is gone); marked stopped");
                    return 0;
                }
                await runtimes.RequestStopAsync(id, $"trading trade stop (pid {Environment.ProcessId} on {Environment.MachineName})", ct);
                Console.WriteLine($"stopping bot {id} (pid {state.Pid} on {state.Host})...");
                return await WaitStoppedAsync(runtimes, id, TimeSpan.FromSeconds(seconds), ct);
            }, migrate: true);
        });
        return command;
    }

    private static async Task<int> WaitStoppedAsync(BotRuntimeStore runtimes, string id, TimeSpan timeout, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await runtimes.GetAsync(id, ct) is { IsRunning: false } stopped)
            {
                Console.WriteLine($"bot {id} stopped ({stopped.StopReason})");
                return 0;
            }
            await Task.Delay(PollInterval, ct);
        }
        await Console.Error.WriteLineAsync($"error: bot {id} did not stop within {timeout.TotalSeconds:0} s; the stop request stays pending");
        return StoreCommand.RuntimeError;
    }

    /// <summary>Only a process on this host can be checked; one elsewhere counts as gone once its heartbeat is stale.</summary>
    private static bool IsGone(BotRuntimeState state)
    {
        if (state.Host != Environment.MachineName) return true;
        try
        {
            using var process = Process.GetProcessById(state.Pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return TradingCli.UsageError;
    }
}
