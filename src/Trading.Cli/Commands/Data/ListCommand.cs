using System.CommandLine;
using Spectre.Console;
using Trading.Cli.Commands.Db;
using Trading.Services.Import;

namespace Trading.Cli.Commands.Data;

/// <summary><c>trading data list</c>: every stored symbol/timeframe with rows, first, last and gap count.</summary>
public static class ListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List stored series: rows, first, last and gaps");
        command.SetAction((parse, ct) => StoreCommand.ReadAsync(parse, ct, async (store, _) =>
        {
            var series = await store.Candles.ListSeriesAsync(ct);
            if (series.Count == 0)
            {
                Console.WriteLine("no candles stored");
                return 0;
            }
            var table = new Table().AddColumns("Symbol", "Timeframe", "Rows", "First", "Last", "Gaps");
            foreach (var s in series.OrderBy(s => s.Symbol.Name, StringComparer.Ordinal).ThenBy(s => s.Timeframe.DurationMs))
            {
                var gaps = await StoredSeriesGaps.FindAsync(store.Candles, s.Symbol, s.Timeframe, ct);
                table.AddRow(s.Symbol.Name, s.Timeframe.Name, s.Count.ToString("N0"), DataOptions.Time(s.FirstOpenTimeMs), DataOptions.Time(s.LastOpenTimeMs), gaps.Count.ToString());
            }
            CliConsole.Create().Write(table);
            return 0;
        }));
        return command;
    }
}
