using System.CommandLine;
using Spectre.Console;
using Trading.Cli.Commands.Db;
using Trading.Cli.Commands.Portfolio;
using Trading.Cli.Output;
using Trading.Core.Storage;
using Trading.Services.Bots;
using Trading.Services.Execution;
using Trading.Services.Portfolio;

namespace Trading.Cli.Commands.Trade;

/// <summary>
/// <c>trading trade status [--bot NAME]</c>: every configured or recorded bot with its state (running, stopped, lost
/// when its heartbeat stopped, faulted), mode, pid, uptime, heartbeat age, orders and last signal/order, then the
/// positions of its symbols and the account's PnL, all read from the store, so it works from any process.
/// </summary>
public static class TradeStatusCommand
{
    public static Command Create()
    {
        var bot = new Option<string?>("--bot") { Description = "Show only this bot" };
        var json = CliJson.Option();
        var command = new Command("status", "Show bots: state, heartbeat, mode, orders, positions and PnL");
        command.Options.Add(bot);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;
            if (parse.GetValue(bot) is { } wanted && Core.Storage.BotNames.Problem(wanted) is { } invalid)
            {
                await Console.Error.WriteLineAsync($"error: {invalid}");
                return TradingCli.UsageError;
            }
            return await StoreCommand.ReadAsync(parse, ct, async (store, _) =>
            {
                var rows = await BotStatusRows.LoadAsync(store, settings.Bots, TimeProvider.System.GetUtcNow(), ct);
                if (parse.GetValue(bot) is { } only)
                {
                    rows = rows.Where(r => r.Id == only).ToList();
                    if (rows.Count == 0)
                    {
                        await Console.Error.WriteLineAsync($"error: unknown bot '{only}': it is not configured ({settings.ConfigDir}/bots/*.json) and has never run");
                        return TradingCli.UsageError;
                    }
                }
                if (rows.Count == 0 && !parse.GetValue(json))
                {
                    Console.WriteLine($"no bots: add one in {settings.ConfigDir}/bots/NAME.json or run `trading trade start --strategy rsi --symbol BTCUSDT`");
                    return 0;
                }
                var initial = ExecutionServiceCollectionExtensions.OptionsFrom(settings, ExecutionMode.Paper).InitialQuoteBalance;
                var problems = new List<string>();
                var account = await PortfolioReplay.BuildAsync(store, initial, TimeProvider.System.GetUtcNow(), ct, problems);
                await Portfolio.BooksProblems.ReportAsync(problems);
                var symbols = rows.SelectMany(r => r.Symbols).ToHashSet(StringComparer.Ordinal);
                var positions = account.OpenPositions().Where(p => symbols.Contains(p.Symbol.Name)).ToList();
                var view = new PortfolioView(await AmountPrecision.LoadAsync(store, ct), account.QuoteAsset);
                if (parse.GetValue(json))
                {
                    CliJson.Write(new { bots = rows, account = view.AccountJson(account, positions) });
                    return 0;
                }
                var console = CliConsole.Create();
                console.Write(BotTable(rows));
                console.Write(view.PositionsTable(positions));
                Console.WriteLine($"account: {view.Summary(account)}");
                return 0;
            }, async description =>
            {
                if (parse.GetValue(bot) is { } only && settings.Bots.All(b => b.Id != only))
                {
                    await Console.Error.WriteLineAsync($"error: unknown bot '{only}': it is not configured ({settings.ConfigDir}/bots/*.json) and has never run");
                    return TradingCli.UsageError;
                }
                return await StoreCommand.NoDataYet(description);
            });
        });
        return command;
    }

    private static Table BotTable(IEnumerable<BotStatusRow> rows)
    {
        var table = new Table().AddColumns("Bot", "Strategy", "Symbols", "TF", "Mode", "State", "PID", "Uptime", "Heartbeat", "Orders open/all", "Last signal", "Last order");
        foreach (var r in rows)
            table.AddRow(Cell(r.Id), Cell(r.Strategy), Cell(string.Join(",", r.Symbols)), Cell(r.Timeframe), Cell(r.Mode), Cell(r.State), Cell(r.Pid),
                Cell(r.Uptime), Cell(r.HeartbeatAge), Cell($"{r.OpenOrders}/{r.Orders}"), Cell(r.LastSignal), Cell(r.LastOrder));
        return table;
    }

    private static Markup Cell(string text) => new(Markup.Escape(text));
}
