using System.CommandLine;
using Spectre.Console;
using Trading.Cli.Commands.Db;
using Trading.Core.Model;
using Trading.Services.Import;

namespace Trading.Cli.Commands.Data;

/// <summary>
/// <c>trading data import PATH... [--market spot|usdm] [--funding]</c>: kline zips/CSVs and folders into the market's candle
/// series, with a progress bar and a summary; with <c>--funding</c>, fundingRate files into the usdm funding rates.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Kline .zip/.csv files or folders (searched recursively)", Arity = ArgumentArity.OneOrMore };
        var symbol = DataOptions.Symbol("Symbol for files whose name does not tell it (overrides the name)");
        var timeframe = DataOptions.Timeframe("Timeframe for files whose name does not tell it (overrides the name)");
        var market = DataOptions.Market("spot (default) or usdm: the market whose series the klines go to (data.binance.vision spot or futures/um files)");
        var funding = new Option<bool>("--funding") { Description = "The files are data.binance.vision futures/um fundingRate files: store usdm funding rates" };
        var command = new Command("import", "Import data.binance.vision kline zips or OHLCV CSVs (spot or futures/um), or fundingRate files");
        command.Arguments.Add(paths);
        command.Options.Add(symbol);
        command.Options.Add(timeframe);
        command.Options.Add(market);
        command.Options.Add(funding);
        command.SetAction(async (parse, ct) =>
        {
            if (!DataOptions.TryGetSymbol(parse, symbol, out var s) || !DataOptions.TryGetTimeframe(parse, timeframe, out var tf)
                || !DataOptions.TryGetMarket(parse, market, out var m))
                return TradingCli.UsageError;
            if (parse.GetValue(funding))
            {
                if (tf is null) return await FundingImportCommand.RunAsync(parse, parse.GetValue(paths) ?? [], s, m, ct);
                await Console.Error.WriteLineAsync("error: --timeframe does not apply to --funding: fundingRate files hold settlements, not candles");
                return TradingCli.UsageError;
            }
            IReadOnlyList<string> files;
            try
            {
                files = KlineFileReader.ExpandPaths(parse.GetValue(paths) ?? []);
            }
            catch (KlineFileException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return TradingCli.UsageError;
            }
            if (files.Count == 0)
            {
                await Console.Error.WriteLineAsync("error: nothing to import: no .zip or .csv files found");
                return StoreCommand.RuntimeError;
            }
            var options = new KlineFileOptions(s, tf);
            var location = StoreOpener.Resolve(parse);
            if (!StoreOpener.IsMissing(location))
                return await StoreCommand.RunAsync(parse, ct, (store, _) => ImportAsync(store.CandlesOf(m ?? MarketType.Spot), m ?? MarketType.Spot, files, options, ct), migrate: true);
            // A new store is created by the first valid batch: files without a usable row leave no empty store behind.
            return await StoreCommand.GuardAsync(location.Describe(), async () =>
            {
                await using var created = new LazyCandleStore(location, m ?? MarketType.Spot);
                return await ImportAsync(created, m ?? MarketType.Spot, files, options, ct);
            });
        });
        return command;
    }

    private static async Task<int> ImportAsync(Core.Storage.ICandleStore store, MarketType market, IReadOnlyList<string> files, KlineFileOptions options, CancellationToken ct)
    {
        var summary = await RunWithProgressAsync(new CandleImporter(store, TimeProvider.System), files, options, ct);
        ImportSummaryView.Write(CliConsole.Create(), summary, market);
        if (summary.RowsWritten > 0) return 0;
        await Console.Error.WriteLineAsync($"error: nothing imported: {ImportSummaryView.WhyNothing(summary)}");
        return StoreCommand.RuntimeError;
    }

    private static async Task<ImportSummary> RunWithProgressAsync(CandleImporter importer, IReadOnlyList<string> files, KlineFileOptions options, CancellationToken ct)
    {
        if (Console.IsOutputRedirected || Console.IsErrorRedirected)
            return await importer.ImportAsync(files, options, null, ct);
        ImportSummary? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"importing {files.Count} file(s)", maxValue: files.Count);
                var progress = new Progress<ImportProgress>(p =>
                {
                    task.Value = p.FilesDone;
                    task.Description = $"{p.FilesDone}/{p.FilesTotal} files read, {p.RowsWritten:N0} rows committed";
                });
                summary = await importer.ImportAsync(files, options, progress, ct);
                task.Value = files.Count;
            });
        return summary!;
    }
}
