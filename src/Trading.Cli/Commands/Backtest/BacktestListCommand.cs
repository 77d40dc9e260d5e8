using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Trading.Cli.Output;
using Trading.Core.Storage;
using Trading.Services.Backtesting;

namespace Trading.Cli.Commands.Backtest;

/// <summary><c>trading backtest list</c>: the stored runs, newest first.</summary>
public static class BacktestListCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "How many runs to show", DefaultValueFactory = _ => 50 };
        var json = CliJson.Option();
        var command = new Command("list", "List stored runs");
        command.Options.Add(limit);
        command.Options.Add(json);
        command.SetAction((parse, ct) => BacktestCli.RunAsync(parse, async settings =>
        {
            if (parse.GetValue(limit) <= 0) throw new BacktestInputException($"--limit must be positive, got {parse.GetValue(limit)}");
            if (StoreOpener.IsMissing(settings))
            {
                Console.WriteLine($"no stored runs yet: {settings.SqlitePath} does not exist");
                return 0;
            }
            await using var store = await BacktestCli.OpenStoreAsync(settings, ct);
            var runs = await store.BacktestRuns.ListAsync(Math.Max(1, parse.GetValue(limit)), ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(runs.Select(r => new
                {
                    id = r.Id, kind = r.Kind, strategy = r.Strategy, symbol = r.Symbol, timeframe = r.Timeframe,
                    from = DateTimeOffset.FromUnixTimeMilliseconds(r.FromMs), to = DateTimeOffset.FromUnixTimeMilliseconds(r.ToMs), createdAt = r.CreatedAt,
                    statistics = Statistics(r),
                }));
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var column in new[] { "Id", "Kind", "Strategy", "Symbol", "TF", "From", "To", "Created (UTC)", "Return", "Sharpe" })
                table.AddColumn(column);
            foreach (var run in runs)
            {
                var (ret, sharpe) = Headline(run);
                table.AddRow(Cell(run.Id), Cell(run.Kind), Cell(run.Strategy), Cell(run.Symbol), Cell(run.Timeframe), Cell(Day(run.FromMs)),
                    Cell(Day(run.ToMs - 1)), Cell(run.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), Cell(ret), Cell(sharpe));
            }
            CliConsole.Create().Write(table);
            if (runs.Count == 0) await Console.Out.WriteLineAsync("No stored runs yet: try `trading backtest run`.");
            return 0;
        }));
        return command;
    }

    /// <summary>Total return and Sharpe from the stored statistics, when the list carries them.</summary>
    private static (string Return, string Sharpe) Headline(BacktestRunRecord run)
    {
        try
        {
            using var doc = JsonDocument.Parse(run.StatisticsJson);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("totalReturn", out var ret)) return ("", "");
            var sharpe = root.TryGetProperty("sharpe", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble().ToString("0.000", CultureInfo.InvariantCulture) : "";
            return (ret.ValueKind == JsonValueKind.Number ? (ret.GetDouble() * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "", sharpe);
        }
        catch (JsonException)
        {
            return ("", "");
        }
    }

    private static JsonElement? Statistics(BacktestRunRecord run)
    {
        try
        {
            using var doc = JsonDocument.Parse(run.StatisticsJson);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Day(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Text Cell(string text) => new(text);
}
