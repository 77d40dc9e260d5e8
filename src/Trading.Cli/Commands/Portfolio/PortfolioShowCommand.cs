using System.CommandLine;
using Spectre.Console;
using Trading.Cli.Commands.Db;
using Trading.Cli.Output;
using Trading.Services.Execution;
using Trading.Services.Portfolio;

namespace Trading.Cli.Commands.Portfolio;

/// <summary>
/// <c>trading portfolio show [--json]</c>: the account rebuilt from the stored fills and marked at the latest stored prices —
/// balances, positions (entry, last price, unrealised and realised PnL), equity and today's PnL, then the USDⓈ-M
/// positions of futures bots (side, leverage, margin, liquidation price, funding). When the books disagree
/// (a stored fill cannot be booked), it says which fill and how to repair, and shows the account without it.
/// </summary>
public static class PortfolioShowCommand
{
    public static Command Create()
    {
        var json = CliJson.Option();
        var command = new Command("show", "Show balances, positions and PnL");
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;
            return await StoreCommand.ReadAsync(parse, ct, async (store, _) =>
            {
                var initial = ExecutionServiceCollectionExtensions.OptionsFrom(settings, ExecutionMode.Paper).InitialQuoteBalance;
                var problems = new List<string>();
                var account = await PortfolioReplay.BuildAsync(store, initial, TimeProvider.System.GetUtcNow(), ct, problems);
                await BooksProblems.ReportAsync(problems);
                var precision = await AmountPrecision.LoadAsync(store, ct);
                var view = new PortfolioView(precision, account.QuoteAsset);
                if (parse.GetValue(json))
                {
                    CliJson.Write(view.AccountJson(account, account.OpenPositions()));
                    return 0;
                }
                var console = CliConsole.Create();
                var balances = new Table().AddColumns("Asset", "Free");
                balances.AddRow(account.QuoteAsset, precision.AssetText(account.QuoteAsset, account.Cash));
                foreach (var p in account.OpenPositions()) balances.AddRow(p.Symbol.BaseAsset, precision.AssetText(p.Symbol.BaseAsset, p.Quantity));
                console.Write(balances);
                console.Write(view.PositionsTable(account.OpenPositions()));
                Console.WriteLine(view.Summary(account));
                await FuturesPortfolioView.WriteAsync(store, console, ct);
                return 0;
            });
        });
        return command;
    }
}
