using System.Globalization;
using Spectre.Console;
using Trading.Core.Storage;

namespace Trading.Cli.Commands.Portfolio;

/// <summary>
/// The USDⓈ-M part of <c>trading portfolio show</c>, as the futures bots booked it: each open isolated position with its side,
/// size, entry and mark price, leverage, isolated margin, liquidation price, the funding booked to it and its unrealised PnL,
/// then the futures wallet and the funding paid and received. Nothing when no futures bot has traded on the store.
/// </summary>
internal static class FuturesPortfolioView
{
    public static async Task WriteAsync(ITradingStore store, IAnsiConsole console, CancellationToken ct)
    {
        var wallet = await store.Futures.GetWalletBalanceAsync(ct);
        var positions = await store.Futures.ListPositionsAsync(ct);
        if (wallet is null && positions.Count == 0) return;
        var table = new Table().Title("USDⓈ-M futures (isolated)")
            .AddColumns("Symbol", "Side", "Quantity", "Entry", "Mark", "Leverage", "Margin", "Liq. price", "Funding", "Unrealised");
        foreach (var p in positions)
        {
            table.AddRow(p.Symbol.Name, p.SideName, Text(p.Quantity), Money(p.EntryPrice), Money(p.MarkPrice), $"{p.Leverage}x", Money(p.IsolatedMargin),
                Money(p.LiquidationPrice), Money(p.Funding), Money(p.UnrealizedPnl));
        }
        console.Write(table);
        var funding = await store.Futures.ListFundingAsync(ct);
        var paid = funding.Where(f => f.Amount < 0).Sum(f => f.Amount);
        var received = funding.Where(f => f.Amount > 0).Sum(f => f.Amount);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"futures wallet {Money(wallet ?? 0m)} USDT  unrealised {Money(positions.Sum(p => p.UnrealizedPnl))}  funding paid {Money(paid)} received {Money(received)} ({funding.Count} settlements)"));
    }

    private static string Text(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
