using System.CommandLine;
using Microsoft.Extensions.Logging;
using Trading.Binance.Execution;
using Trading.Cli.Commands.Db;
using Trading.Core.Execution;
using Trading.Core.Messaging;
using Trading.Core.Storage;
using Trading.Services;
using Trading.Services.Configuration;
using Trading.Services.Execution;

namespace Trading.Cli.Commands.Order;

/// <summary>Builds the same order executor the service runs, for one CLI command, after checking the mode.</summary>
internal static class ExecutorSession
{
    private static readonly HttpClient Http = Services.Observability.ExchangeMetricsHandler.CreateClient();

    /// <summary>The Binance client's warnings (a request waiting for the weight budget) go to stderr for the process's life.</summary>
    private static readonly Lazy<ILoggerFactory> ClientWarnings = new(() => LoggerFactory.Create(b => b
        .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning)));

    public static Option<bool> ConfirmLive { get; } = new("--confirm-live") { Description = "Confirm live trading (with TRADING_MODE=live)" };

    /// <summary>The mode for the settings, or prints the one-line problem and gives the exit code.</summary>
    public static bool TryResolveMode(ParseResult parse, TradingSettings settings, out ExecutionMode mode, out int exitCode)
    {
        exitCode = 0;
        if (!ExecutionModes.TryResolve(settings, parse.GetValue(ConfirmLive), out mode, out var problem))
        {
            Console.Error.WriteLine($"error: {problem}");
            exitCode = TradingCli.UsageError;
            return false;
        }
        Console.Error.WriteLine($"mode: {ExecutionModes.Describe(mode)}");
        return true;
    }

    /// <summary>The Binance venue for testnet/live (null otherwise), or prints the one-line problem and gives the exit code.</summary>
    public static bool TryCreateVenue(TradingSettings settings, ExecutionMode mode, out BinanceVenue? venue, out int exitCode)
    {
        exitCode = 0;
        venue = null;
        if (mode is not (ExecutionMode.Testnet or ExecutionMode.Live)
            || BinanceVenueFactory.TryCreate(settings, mode, Http, TimeProvider.System, out venue, out var problem,
                ClientWarnings.Value.CreateLogger<Binance.Orders.BinanceTradingClient>())) return true;
        Console.Error.WriteLine($"error: {problem}");
        exitCode = TradingCli.UsageError;
        return false;
    }

    /// <summary>Loads the settings, checks the mode, opens the store and runs <paramref name="body"/> with a fresh executor.</summary>
    public static async Task<int> RunAsync(ParseResult parse, CancellationToken ct, Func<ITradingStore, OrderExecutor, Task<int>> body)
    {
        if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;
        if (!TryResolveMode(parse, settings, out var mode, out exit)) return exit;
        if (!TryCreateVenue(settings, mode, out var venue, out exit)) return exit;
        return await StoreCommand.RunAsync(parse, ct, async (store, _) =>
        {
            using var loggers = Loggers();
            await using var bus = await MessageBusFactory.CreateAsync(settings, TimeProvider.System, loggers, ct);
            return await body(store, await CreateAsync(store, bus, settings, mode, loggers, ct, venue));
        }, migrate: true);
    }

    public static Task<OrderExecutor> CreateAsync(ITradingStore store, IMessageBus bus, TradingSettings settings, ExecutionMode mode,
        ILoggerFactory loggers, CancellationToken ct, IExecutionVenue? exchangeVenue = null) =>
        ManualOrders.CreateExecutorAsync(store, bus, settings, mode, loggers.CreateLogger("executor"), TimeProvider.System, exchangeVenue, ct);

    public static ILoggerFactory Loggers() =>
        LoggerFactory.Create(b => b
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Error));
}
