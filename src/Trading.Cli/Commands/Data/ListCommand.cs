using System.CommandLine;
using Spectre.Console;
using Trading.Cli.Commands.Db;
using Trading.Cli.Output;
using Trading.Core.Model;
using Trading.Core.Storage;
using Trading.Services.Import;

namespace Trading.Cli.Commands.Data;

/// <summary>
/// <c>trading data list</c>: every stored market/symbol/timeframe with rows, first, last and gap count, then the stored
/// usdm funding rates per symbol.
/// </summary>
public static class ListCommand
{
    public static Command Create()
    {
        var json = CliJson.Option();
        var command = new Command("list", "List stored series (spot and usdm): rows, first, last and gaps; and stored funding rates");
        command.Options.Add(json);
        command.SetAction((parse, ct) => StoreCommand.ReadAsync(parse, ct, async (store, _) =>
        {
            var series = new List<(CandleSeriesSummary Series, int Gaps)>();
            foreach (var market in Enum.GetValues<MarketType>())
            {
                var candles = store.CandlesOf(market);
                foreach (var s in (await candles.ListSeriesAsync(ct)).OrderBy(s => s.Symbol.Name, StringComparer.Ordinal).ThenBy(s => s.Timeframe.DurationMs))
                    series.Add((s, (await StoredSeriesGaps.FindAsync(candles, s.Symbol, s.Timeframe, ct)).Count));
            }
            var funding = await store.FundingRates.ListAsync(ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(series.Select(x => new
                {
                    market = MarketNames.Name(x.Series.Market), symbol = x.Series.Symbol.Name, timeframe = x.Series.Timeframe.Name, rows = x.Series.Count,
                    first = DateTimeOffset.FromUnixTimeMilliseconds(x.Series.FirstOpenTimeMs), last = DateTimeOffset.FromUnixTimeMilliseconds(x.Series.LastOpenTimeMs),
                    gaps = x.Gaps,
                }).ToList());
                return 0;
            }
            if (series.Count == 0 && funding.Count == 0)
            {
                Console.WriteLine("no candles stored");
                return 0;
            }
            var console = CliConsole.Create();
            var table = new Table().AddColumns("Market", "Symbol", "Timeframe", "Rows", "First", "Last", "Gaps");
            foreach (var (s, gaps) in series)
                table.AddRow(MarketNames.Name(s.Market), s.Symbol.Name, s.Timeframe.Name, s.Count.ToString("N0"), DataOptions.Time(s.FirstOpenTimeMs), DataOptions.Time(s.LastOpenTimeMs), gaps.ToString());
            console.Write(table);
            if (funding.Count == 0) return 0;
            var rates = new Table().AddColumns("Funding (usdm)", "Settlements", "First", "Last");
            foreach (var f in funding) rates.AddRow(f.Symbol.Name, f.Count.ToString("N0"), DataOptions.Time(f.FirstTimeMs), DataOptions.Time(f.LastTimeMs));
            console.Write(rates);
            return 0;
        }));
        return command;
    }
}
