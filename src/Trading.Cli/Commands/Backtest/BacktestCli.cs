using System.CommandLine;
using Trading.Core.Storage;
using Trading.Core.Strategies;
using Trading.Services.Backtesting;
using Trading.Core.Model;
using Trading.Services.Configuration;
using Trading.Services.Import;
using Trading.Services.Strategies;
using Trading.Storage;

namespace Trading.Cli.Commands.Backtest;

/// <summary>What the backtest commands share: settings, the store, the strategy registry, and turning bad input into exit 2.</summary>
internal static class BacktestCli
{
    public static Task<ITradingStore> OpenStoreAsync(TradingSettings settings, CancellationToken ct) =>
        TradingStoreFactory.OpenAsync(settings.DatabaseUrl, settings.DataDir, ct);

    /// <summary>
    /// On a store with no candles in the asked range, imports the bundled BTCUSDT sample (data/sample) once, so the
    /// quickstart works on a fresh machine. Other stores are left alone.
    /// </summary>
    public static async Task EnsureSampleDataAsync(ITradingStore store, BacktestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Symbol != SampleData.Symbol || SampleData.FindDirectory() is null) return;
        await foreach (var _ in store.Candles.ReadAsync(request.Symbol, Timeframe.M1, request.FromMs, request.ToMs, ct))
            return;
        var result = await SampleData.EnsureImportedAsync(store, ct: ct);
        if (result.Imported)
            await Console.Error.WriteLineAsync($"Imported the bundled sample: {result.Rows:N0} {SampleData.Symbol} 1m candles from {result.Directory}.");
    }

    /// <summary>
    /// Without a store there are no candles, except the bundled sample imported on first use: any other request is refused
    /// before an empty store is created.
    /// </summary>
    public static void EnsureCandlesCanExist(BacktestRequest request, TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StoreOpener.IsMissing(settings) || (request.Symbol == SampleData.Symbol && SampleData.FindDirectory() is not null)) return;
        throw new BacktestInputException($"no {request.Symbol} candles: the store {settings.SqlitePath} does not exist yet; import them first (trading data import).");
    }

    /// <summary>Refuses an unusable <c>--html</c> path before any work (see <see cref="HtmlOutputPath"/>).</summary>
    public static void CheckHtmlPath(string? path, TradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (path is null) return;
        var sqliteDir = string.IsNullOrWhiteSpace(settings.DatabaseUrl) ? settings.DataDir : null;
        if (HtmlOutputPath.Problem(path, sqliteDir) is { } problem) throw new BacktestInputException(problem);
    }

    public static StrategyRegistry LoadStrategies(TradingSettings settings) => StrategyCatalog.Load(settings);

    /// <summary>Runs <paramref name="body"/> with valid settings; bad input prints one `error:` line and returns 2.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<TradingSettings, Task<int>> body)
    {
        if (!CliSettings.TryLoad(parse, out var settings, out var exitCode)) return exitCode;
        try
        {
            return await body(settings);
        }
        catch (Exception e) when (e is BacktestInputException or FormatException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return TradingCli.UsageError;
        }
    }
}
