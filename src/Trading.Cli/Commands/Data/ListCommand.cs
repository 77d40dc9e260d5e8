using System.CommandLine;
using Spectre.Console;
using Trading.Cli.Commands.Db;
using Trading.Cli.Output;
using Trading.Services.Import;

namespace Trading.Cli.Commands.Data;

/// <summary><c>trading data list</c>: every stored symbol/timeframe with rows, first, last and gap count.</summary>
public static class ListCommand
{
    public static Command Create()
    {
        var json = CliJson.Option();
        var command = new Command("list", "List stored series: rows, first, last and gaps");
        command.Options.Add(json);
        command.SetAction((parse, ct) => StoreCommand.ReadAsync(parse, ct, async (store, _) =>
        {
            var series = (await store.Candles.ListSeriesAsync(ct)).OrderBy(s => s.Symbol.Name, StringComparer.Ordinal).ThenBy(s => s.Timeframe.DurationMs).ToList();
            if (parse.GetValue(json))
            {
                var rows = new List<object>();
                foreach (var s in series)
                    rows.Add(new
                    {
                        symbol = s.Symbol.Name, timeframe = s.Timeframe.Name, rows = s.Count,
                        first = DateTimeOffset.FromUnixTimeMilliseconds(s.FirstOpenTimeMs), last = DateTimeOffset.FromUnixTimeMilliseconds(s.LastOpenTimeMs),
                        gaps = (await StoredSeriesGaps.FindAsync(store.Candles, s.Symbol, s.Timeframe, ct)).Count,
                    });
                CliJson.Write(rows);
                return 0;
            }
            if (series.Count == 0)
            {
                Console.WriteLine("no candles stored");
                return 0;
            }
            var table = new Table().AddColumns("Symbol", "Timeframe", "Rows", "First", "Last", "Gaps");
            foreach (var s in series)
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
