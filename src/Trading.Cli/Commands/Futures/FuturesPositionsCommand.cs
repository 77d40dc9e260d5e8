using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Trading.Services.Futures;

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
                var view = await FuturesAccountReader.PositionsAsync(client, symbol, ct);
                var table = new Table().AddColumns("Symbol", "Side", "Size", "Entry", "Mark", "Unrealized PnL", "Liquidation", "Leverage", "Margin", "Margin type", "Funding");
                foreach (var p in view.Positions)
                {
                    table.AddRow(p.Symbol, p.Side, Text(p.Size), Text(p.EntryPrice), Text(p.MarkPrice), Text(p.UnrealizedPnl),
                        p.LiquidationPrice > 0 ? Text(Math.Round(p.LiquidationPrice, 2)) : "-", $"{p.Leverage}x", Text(Math.Round(p.Margin, 8)),
                        p.MarginType, Text(p.Funding));
                }
                CliConsole.Create().Write(table);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{view.Positions.Count} position(s); wallet {Text(view.WalletBalance)} USDT, available {Text(view.AvailableBalance)}, unrealized PnL {Text(view.UnrealizedPnl)}"));
                return 0;
            });
        });
        return command;
    }

    internal static string Text(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
