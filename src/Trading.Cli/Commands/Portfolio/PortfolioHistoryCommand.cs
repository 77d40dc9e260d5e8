using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Trading.Cli.Commands.Db;
using Trading.Cli.Output;

namespace Trading.Cli.Commands.Portfolio;

/// <summary><c>trading portfolio history --days 30</c>: the stored snapshots as a table, with an equity sparkline.</summary>
public static class PortfolioHistoryCommand
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    /// <summary>About 100 years: far beyond any snapshot, and far from the end of the calendar.</summary>
    public const int MaxDays = 36_500;

    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = $"How many days back, 1..{MaxDays}", DefaultValueFactory = _ => 30 };
        var json = CliJson.Option();
        var command = new Command("history", "Show portfolio snapshots");
        command.Options.Add(days);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var span = parse.GetValue(days);
            if (span is <= 0 or > MaxDays)
            {
                await Console.Error.WriteLineAsync($"error: --days must be within 1..{MaxDays}, got {span}");
                return TradingCli.UsageError;
            }
            return await StoreCommand.ReadAsync(parse, ct, async (store, _) =>
            {
                var now = TimeProvider.System.GetUtcNow();
                var snapshots = await store.Portfolio.ListSnapshotsAsync(now.AddDays(-span), now, ct);
                var view = new PortfolioView(await AmountPrecision.LoadAsync(store, ct), Core.Portfolio.PortfolioAccount.DefaultQuoteAsset);
                if (parse.GetValue(json))
                {
                    CliJson.Write(snapshots.Select(view.SnapshotJson));
                    return 0;
                }
                var table = new Table().AddColumns("Time (UTC)", "Equity", "Cash", "Positions", "Realised", "Unrealised", "Daily PnL", "Drawdown");
                foreach (var s in snapshots)
                {
                    table.AddRow(s.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), view.Quote(s.Equity),
                        view.Quote(s.Cash), view.Quote(s.PositionsValue), view.Quote(s.RealizedPnl),
                        view.Quote(s.UnrealizedPnl), view.Quote(s.DailyPnl), s.Drawdown.ToString("P2", CultureInfo.InvariantCulture));
                }
                CliConsole.Create().Write(table);
                Console.WriteLine($"{snapshots.Count} snapshot(s) in the last {span} day(s)");
                if (snapshots.Count > 1) Console.WriteLine($"equity {Sparkline(snapshots.Select(s => s.Equity).ToArray())}");
                return 0;
            });
        });
        return command;
    }

    public static string Sparkline(IReadOnlyList<decimal> values)
    {
        var min = values.Min();
        var range = values.Max() - min;
        return new string(values.Select(v => Bars[range == 0 ? 0 : (int)((v - min) / range * (Bars.Length - 1))]).ToArray());
    }
}
