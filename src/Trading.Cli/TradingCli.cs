using System.CommandLine;
using Trading.Cli.Commands;

namespace Trading.Cli;

/// <summary>Builds the `trading` command tree; each group lives in its own file under Commands/.</summary>
public static class TradingCli
{
    public const int UsageError = 2;

    /// <summary>The exit code of a command stopped by Ctrl+C (or its token) before it finished, as a shell reports SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>How long a stop request (SIGINT, SIGTERM) waits for the command to finish gracefully before the process exits.</summary>
    public static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(25);

    /// <summary>
    /// The tree every run parses with, built once per process: a parse never changes it, and a build adds the shared options
    /// (<see cref="GlobalOptions"/>, <c>--confirm-live</c>) to one more parent each time, so building per run made every
    /// later build slower and kept every earlier tree alive (thousands of in-process runs: tests, the fuzzer).
    /// </summary>
    private static readonly Lazy<RootCommand> Tree = new(Build);

    public static RootCommand Build()
    {
        var root = new RootCommand("Binance spot trading platform: market data, strategies, risk-gated execution, backtests.");
        root.Options.Add(GlobalOptions.DataDir);
        root.Options.Add(GlobalOptions.Verbose);
        root.Subcommands.Add(DataCommands.Create());
        root.Subcommands.Add(TradeCommands.Create());
        root.Subcommands.Add(OrderCommands.Create());
        root.Subcommands.Add(BacktestCommands.Create());
        root.Subcommands.Add(PortfolioCommands.Create());
        root.Subcommands.Add(StrategyCommands.Create());
        root.Subcommands.Add(ServiceCommands.Create());
        root.Subcommands.Add(Commands.Api.ApiCommand.Create());
        root.Subcommands.Add(ExchangeCommands.Create());
        root.Subcommands.Add(FuturesCommands.Create());
        root.Subcommands.Add(ConfigCommands.Create());
        root.Subcommands.Add(DbCommands.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args) => RunAsync(args, CancellationToken.None);

    /// <summary>Runs one command line; <paramref name="ct"/> stops it as Ctrl+C would.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        ProcessEnvironment.HideSecrets();
        var parse = Tree.Value.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"error: {ParseErrorMessage.Describe(parse)}");
            return UsageError;
        }
        if (parse.GetResult(GlobalOptions.DataDir) is not null && string.IsNullOrWhiteSpace(parse.GetValue(GlobalOptions.DataDir)))
        {
            Console.Error.WriteLine("error: --data-dir needs a directory; leave the option out to use ./data or TRADING_DATA_DIR");
            return UsageError;
        }
        using var signals = new ShutdownSignals();
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = GracefulStop }, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("error: cancelled before the command finished");
            return Cancelled;
        }
        catch (OperationCanceledException) when (signals.Received)
        {
            Console.Error.WriteLine("stopped before it had started");
            return 0;
        }
        catch (Exception e)
        {
            return UnhandledErrors.Report(e, parse.GetValue(GlobalOptions.Verbose));
        }
    }
}
