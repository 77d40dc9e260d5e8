using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Trading.Core.Model;

namespace Trading.Cli.Commands.Futures;

/// <summary><c>trading futures positions [--symbol X]</c>: the open USDⓈ-M positions (side, size, entry, mark, PnL, liquidation price, leverage, margin) and the wallet.</summary>
internal static class FuturesPositionsCommand
{
    public static Command Create()
    {
        var cli = new FuturesCli();
        var command = new Command("positions", "Show the open USDⓈ-M positions with side, leverage, margin and liquidation price");
        cli.AddTo(command, symbolRequired: false);
        command.SetAction(async (parse, ct) =>
        {
            var (ok, symbol, settings, exit) = await cli.ReadAsync(parse);
            if (!ok) return exit;
            using var http = new HttpClient();
            var client = FuturesCli.Client(http, settings);
            return await FuturesCli.RunAsync(async () =>
            {
                var positions = (await client.GetPositionsAsync(symbol, ct)).Where(p => p.Amount != 0m).ToList();
                var account = await client.GetAccountAsync(ct);
                var table = new Table().AddColumns("Symbol", "Side", "Size", "Entry", "Mark", "Unrealized PnL", "Liquidation", "Leverage", "Margin", "Margin type");
                foreach (var p in positions)
                {
                    var side = p.PositionSide == PositionSide.Both ? (p.Amount > 0 ? "LONG" : "SHORT") : p.PositionSide.ToString().ToUpperInvariant();
                    table.AddRow(p.Symbol.Name, side, Text(Math.Abs(p.Amount)), Text(p.EntryPrice), Text(p.MarkPrice), Text(p.UnrealizedPnl),
                        p.LiquidationPrice > 0 ? Text(Math.Round(p.LiquidationPrice, 2)) : "-", $"{p.Leverage}x", Text(Math.Round(p.IsolatedMargin, 8)),
                        p.Isolated ? "ISOLATED" : "CROSSED");
                }
                CliConsole.Create().Write(table);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{positions.Count} position(s); wallet {Text(account.WalletBalance)} USDT, available {Text(account.AvailableBalance)}, unrealized PnL {Text(account.UnrealizedPnl)}"));
                return 0;
            });
        });
        return command;
    }

    internal static string Text(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
