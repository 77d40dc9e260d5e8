using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Trading.Cli.Commands.Db;
using Trading.Cli.Commands.Order;
using Trading.Core.Strategies;
using Trading.Services.Bots;
using Trading.Services.Execution;
using Trading.Services.Strategies;

namespace Trading.Cli.Commands.Trade;

/// <summary>
/// <c>trading trade start --bot NAME</c> (or <c>--strategy rsi --symbol BTCUSDT ...</c>) runs one bot in the foreground:
/// the collector for its series, the strategy engine limited to it, the order executor with the risk gate in the chosen
/// mode and the portfolio manager, on the configured store. The bot records itself (see <see cref="BotRuntimeService"/>),
/// and Ctrl+C, SIGTERM or <c>trading trade stop --bot NAME</c> stops it.
/// </summary>
public static class TradeStartCommand
{
    public const int RuntimeError = 1;
    private static readonly HttpClient FuturesHttp = new();

    public static Command Create()
    {
        var options = new TradeStartOptions();
        var command = new Command("start", "Run a bot in the foreground (Ctrl+C or `trade stop` stops it)");
        options.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, options, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, TradeStartOptions options, CancellationToken ct)
    {
        if (!CliSettings.TryLoad(parse, out var configured, out var exit)) return exit;
        if (options.TryModeOverrides(parse, configured, out var overrides) is { } modeProblem) return Usage(modeProblem);
        if (!CliSettings.TryLoad(parse, out var settings, out exit, overrides)) return exit;
        if (options.TryResolveBot(parse, settings, out var bot) is { } botProblem) return Usage(botProblem);
        if (bot.Symbols.FirstOrDefault(s => settings.Symbols.Any(c => c.Symbol == s && !c.Enabled)) is { } disabled)
            return Usage($"symbol {disabled} is disabled in {settings.ConfigDir}/symbols.yaml (enabled: false)");
        var registry = StrategyCatalog.Load(settings);
        StrategyBase strategy;
        try
        {
            strategy = registry.Create(bot.Strategy, bot.Parameters);
        }
        catch (StrategyConfigurationException e)
        {
            return Usage(e.Message);
        }
        if (!ExecutionModes.TryResolve(settings, parse.GetValue(ExecutorSession.ConfirmLive), out var mode, out var liveProblem)) return Usage(liveProblem!);
        if (options.Futures.TryResolve(parse, settings, bot, mode, out var futures) is { } futuresProblem) return Usage(futuresProblem);
        if (!ExecutorSession.TryCreateVenue(settings, mode, out var venue, out exit)) return exit;
        Binance.Futures.BinanceFuturesClient? futuresClient = null;
        if (futures is not null && mode is ExecutionMode.Testnet or ExecutionMode.Live)
        {
            var setup = await FuturesBotSetup.ApplyAsync(FuturesHttp, settings, futures, ct);
            if (setup.Problem is { } setupProblem) return setup.Exit == TradingCli.UsageError ? Usage(setupProblem) : Fail(setupProblem);
            (futures, futuresClient) = (setup.Settings, setup.Client);
        }
        return await StoreCommand.RunAsync(parse, ct, async (store, description) =>
        {
            var running = await new BotRuntimeStore(store).GetAsync(bot.Id, ct);
            // The supervisor records the pid of a bot it starts again before that process runs: that record is this process's.
            if (running is { IsRunning: true } && running.Pid != Environment.ProcessId && !BotProcessProbe.IsGone(running, TimeProvider.System.GetUtcNow()))
                return Fail($"bot '{bot.Id}' is already running (pid {running.Pid} on {running.Host}); stop it first with `trading trade stop --bot {bot.Id}`");
            await Console.Error.WriteLineAsync($"mode: {ExecutionModes.Describe(mode)}");
            var (host, recorder, modeName) = futures is null
                ? BotHost.Build(store, settings, bot, registry, strategy, mode, venue, Environment.GetCommandLineArgs()[1..])
                : BotHost.BuildFutures(store, settings, bot, registry, strategy, mode, futures, futuresClient, Environment.GetCommandLineArgs()[1..]);
            using var _ = host;
            var market = futures is null ? "" : $", usdm x{futures.Leverage} one-way isolated, funding {futures.Funding.Source}";
            Console.WriteLine($"bot {bot.Id}: {bot.Strategy} on {string.Join(",", bot.Symbols)} {bot.Timeframe}{market}, mode {modeName.ToUpperInvariant()}, store {description}");
            Console.WriteLine($"Ctrl+C or `trading trade stop --bot {bot.Id}` stops it");
            try
            {
                await Service.StopAfterStart.RunAsync(host, ct);
                return 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Fail($"bot '{bot.Id}' stopped: {e.Message}");
            }
            finally
            {
                await recorder.MarkStoppedAsync("process ended", CancellationToken.None);
            }
        }, migrate: true);
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return TradingCli.UsageError;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return RuntimeError;
    }
}
