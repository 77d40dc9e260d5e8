using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Trading.Cli.Commands.Db;
using Trading.Services.Execution;
using Trading.Services.Portfolio;

namespace Trading.Cli.Commands.Portfolio;

/// <summary>
/// <c>trading portfolio show</c>: the account rebuilt from the stored fills and marked at the latest stored prices —
/// balances, positions (entry, last price, unrealised and realised PnL), equity and today's PnL. When the books disagree
/// (a stored fill cannot be booked), it says which fill and how to repair, and shows the account without it.
/// </summary>
public static class PortfolioShowCommand
{
    public static Command Create()
    {
        var command = new Command("show", "Show balances, positions and PnL");
        command.SetAction(async (parse, ct) =>
        {
            if (!CliSettings.TryLoad(parse, out var settings, out var exit)) return exit;
            return await StoreCommand.ReadAsync(parse, ct, async (store, _) =>
            {
                var initial = ExecutionServiceCollectionExtensions.OptionsFrom(settings, ExecutionMode.Paper).InitialQuoteBalance;
                var problems = new List<string>();
                var account = await PortfolioReplay.BuildAsync(store, initial, TimeProvider.System.GetUtcNow(), ct, problems);
                await BooksProblems.ReportAsync(problems);
                var console = CliConsole.Create();
                var balances = new Table().AddColumns("Asset", "Free");
                balances.AddRow(account.QuoteAsset, Money(account.Cash));
                foreach (var p in account.OpenPositions()) balances.AddRow(p.Symbol.BaseAsset, Money(p.Quantity));
                console.Write(balances);

                console.Write(PositionsTable(account.OpenPositions()));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"equity {Money(account.Equity)} {account.QuoteAsset}  cash {Money(account.Cash)}  unrealised {Money(account.UnrealizedPnl)}  realised {Money(account.RealizedPnl)}  fees {Money(account.FeesPaid)}  today {Money(account.DailyPnl)}  drawdown {account.Drawdown:P2}"));
                return 0;
            });
        });
        return command;
    }

    /// <summary>Symbol, quantity, entry, last price, value, unrealised and realised PnL and fees of each position.</summary>
    internal static Table PositionsTable(IEnumerable<Core.Model.Position> positions)
    {
        var table = new Table().AddColumns("Symbol", "Quantity", "Entry", "Last", "Value", "Unrealised", "Realised", "Fees");
        foreach (var p in positions)
            table.AddRow(p.Symbol.Name, Money(p.Quantity), Money(p.AverageEntryPrice), Money(p.CurrentPrice), Money(p.MarketValue),
                Money(p.UnrealizedPnl), Money(p.RealizedPnl), Money(p.FeesPaid));
        return table;
    }

    internal static string Money(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
