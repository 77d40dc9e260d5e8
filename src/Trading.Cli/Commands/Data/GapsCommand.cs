using System.CommandLine;
using Spectre.Console;
using Trading.Cli.Commands.Db;
using Trading.Services.Import;

namespace Trading.Cli.Commands.Data;

/// <summary><c>trading data gaps --symbol S --timeframe TF</c>: each missing range of a stored series with its count.</summary>
public static class GapsCommand
{
    public static Command Create()
    {
        var symbol = DataOptions.Symbol("Symbol, e.g. BTCUSDT");
        var timeframe = DataOptions.Timeframe("Timeframe, e.g. 1m");
        symbol.Required = true;
        timeframe.Required = true;
        var command = new Command("gaps", "List gaps in a stored series");
        command.Options.Add(symbol);
        command.Options.Add(timeframe);
        command.SetAction(async (parse, ct) =>
        {
            if (!DataOptions.TryGetSymbol(parse, symbol, out var s) || !DataOptions.TryGetTimeframe(parse, timeframe, out var tf))
                return TradingCli.UsageError;
            return await StoreCommand.ReadAsync(parse, ct, async (store, _) =>
            {
                var latest = await store.Candles.GetLatestAsync(s!.Value, tf!.Value, ct);
                if (latest is null) return await NoCandles(s.Value, tf.Value);
                var gaps = await StoredSeriesGaps.FindAsync(store.Candles, s.Value, tf.Value, ct);
                var table = new Table().AddColumns("First missing", "Last missing", "Missing");
                foreach (var gap in gaps)
                    table.AddRow(DataOptions.Time(gap.FirstMissingMs), DataOptions.Time(gap.LastMissingMs), gap.MissingCount.ToString("N0"));
                var console = CliConsole.Create();
                if (gaps.Count > 0) console.Write(table);
                console.WriteLine($"{s} {tf}: {gaps.Count} gap(s), {gaps.Sum(g => g.MissingCount):N0} missing candle(s)");
                return 0;
            }, _ => NoCandles(s!.Value, tf!.Value));
        });
        return command;
    }

    private static async Task<int> NoCandles(Core.Model.Symbol symbol, Core.Model.Timeframe timeframe)
    {
        await Console.Error.WriteLineAsync($"error: no {symbol} {timeframe} candles stored; import or collect them first");
        return StoreCommand.RuntimeError;
    }
}
