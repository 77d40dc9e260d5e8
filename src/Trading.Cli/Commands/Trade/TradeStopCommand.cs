using System.CommandLine;
using Trading.Cli.Commands.Db;
using Trading.Core.Storage;
using Trading.Services.Bots;

namespace Trading.Cli.Commands.Trade;

/// <summary>
/// <c>trading trade stop --bot NAME [--timeout 30]</c>, or <c>--strategy rsi [--symbol BTCUSDT]</c> for every running bot of
/// that strategy (and symbol): asks each to stop through <see cref="BotControl"/> and waits until it reports stopped. A bot
/// whose process is gone is marked stopped at once. A bot that is not running (or unknown) is an error, exit 2, nothing changed.
/// </summary>
public static class TradeStopCommand
{
    public static Command Create()
    {
        var bot = new Option<string?>("--bot") { Description = "The bot to stop" };
        var strategy = new Option<string?>("--strategy") { Description = "Stop every running bot of this strategy" };
        var symbol = new Option<string?>("--symbol") { Description = "With --strategy: only the bots trading this symbol" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for it to stop", DefaultValueFactory = _ => 30 };
        var command = new Command("stop", "Stop a running bot (or every running bot of a strategy) and wait until it has stopped");
        foreach (var option in new Option[] { bot, strategy, symbol, timeout }) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            var seconds = parse.GetValue(timeout);
            if (seconds <= 0) return Usage($"--timeout must be a positive number of seconds, got {seconds}");
            var id = parse.GetValue(bot);
            var strategyName = parse.GetValue(strategy);
            var symbolName = parse.GetValue(symbol)?.ToUpperInvariant();
            if ((id is null) == (strategyName is null)) return Usage("give --bot NAME, or --strategy NAME [--symbol SYMBOL]");
            if (symbolName is not null && strategyName is null) return Usage("--symbol goes with --strategy");
            if (id is not null && BotNames.Problem(id) is { } invalid) return Usage(invalid);
            if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;
            var notRunning = id is not null ? $"bot '{id}' is not running" : $"no bot of strategy '{strategyName}'{(symbolName is null ? "" : $" on {symbolName}")} is running";
            var unknown = $"unknown bot '{id}': it is not configured ({settings.ConfigDir}/bots/*.json) and has never run";
            var configured = id is not null && settings.Bots.Any(b => b.Id == id);
            if (StoreOpener.IsMissing(settings)) return Usage(id is null || configured ? notRunning : unknown);
            return await StoreCommand.RunAsync(parse, ct, async (store, _) =>
            {
                var control = new BotControl(store, TimeProvider.System);
                var running = await control.RunningAsync(ct);
                var chosen = id is not null
                    ? running.Where(r => r == id).ToList()
                    : await MatchingAsync(store, running, strategyName!, symbolName, ct);
                if (chosen.Count == 0)
                    return Usage(id is null || configured || await store.Bots.GetAsync(id, ct) is not null ? notRunning : unknown);
                var reason = $"trading trade stop (pid {Environment.ProcessId} on {Environment.MachineName})";
                var waiting = new List<string>();
                foreach (var name in chosen)
                {
                    var result = await control.StopAsync(name, reason, ct);
                    Console.WriteLine(result.Description);
                    if (result.Outcome == BotStopOutcome.Requested) waiting.Add(name);
                }
                var still = await control.WaitStoppedAsync(waiting, TimeSpan.FromSeconds(seconds), ct);
                foreach (var name in waiting.Except(still)) Console.WriteLine($"bot {name} stopped");
                if (still.Count == 0) return 0;
                await Console.Error.WriteLineAsync($"error: {string.Join(", ", still)} did not stop within {seconds} s; the stop request stays pending");
                return StoreCommand.RuntimeError;
            }, migrate: true);
        });
        return command;
    }

    private static async Task<List<string>> MatchingAsync(ITradingStore store, IReadOnlyList<string> running, string strategy, string? symbol, CancellationToken ct)
    {
        var matching = new List<string>();
        foreach (var id in running)
        {
            if (await store.Bots.GetAsync(id, ct) is { } bot && bot.Strategy == strategy && (symbol is null || bot.Symbols.Contains(symbol))) matching.Add(id);
        }
        return matching;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return TradingCli.UsageError;
    }
}
