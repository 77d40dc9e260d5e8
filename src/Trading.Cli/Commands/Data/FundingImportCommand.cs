using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Trading.Cli.Commands.Db;
using Trading.Core.Model;
using Symbol = Trading.Core.Model.Symbol;
using Trading.Services.Import;

namespace Trading.Cli.Commands.Data;

/// <summary>
/// <c>trading data import --market usdm --funding PATH...</c>: fundingRate files into the usdm funding rates. Every file is
/// read and checked before the store is opened, so a bad file gives one <c>error:</c> line and changes nothing.
/// </summary>
internal static class FundingImportCommand
{
    public static async Task<int> RunAsync(ParseResult parse, IReadOnlyList<string> paths, Symbol? symbol, MarketType? market, CancellationToken ct)
    {
        if (market == MarketType.Spot)
            return await FailAsync("funding rates are USDⓈ-M futures data: use --funding with --market usdm", TradingCli.UsageError);
        FundingImport import;
        try
        {
            var files = KlineFileReader.ExpandPaths(paths);
            if (files.Count == 0) return await FailAsync("nothing to import: no .zip or .csv files found", StoreCommand.RuntimeError);
            import = FundingImport.Read(files, symbol);
        }
        catch (KlineFileException e)
        {
            return await FailAsync(e.Message, TradingCli.UsageError);
        }
        if (import.Settlements == 0) return await FailAsync("nothing imported: the files hold no funding settlements", StoreCommand.RuntimeError);
        return await StoreCommand.RunAsync(parse, ct, async (store, _) =>
        {
            var written = await import.StoreAsync(store.FundingRates, ct);
            Write(CliConsole.Create(), import.Summaries, written);
            return 0;
        }, migrate: true);
    }

    private static void Write(IAnsiConsole console, IReadOnlyList<FundingImportSummary> summaries, long written)
    {
        var table = new Table().AddColumns("Market", "Symbol", "Settlements", "First", "Last", "Lowest rate", "Highest rate", "Files");
        foreach (var s in summaries)
        {
            table.AddRow("usdm", s.Symbol.Name, s.Settlements.ToString("N0", CultureInfo.InvariantCulture), DataOptions.Time(s.FirstTimeMs),
                DataOptions.Time(s.LastTimeMs), s.MinRate.ToString(CultureInfo.InvariantCulture), s.MaxRate.ToString(CultureInfo.InvariantCulture),
                s.Files.ToString(CultureInfo.InvariantCulture));
        }
        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imported {written:N0} funding settlements of {summaries.Count} symbol(s)"));
    }

    private static async Task<int> FailAsync(string message, int exitCode)
    {
        await Console.Error.WriteLineAsync($"error: {message}");
        return exitCode;
    }
}
