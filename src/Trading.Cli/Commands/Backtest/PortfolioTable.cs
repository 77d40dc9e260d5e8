using System.Globalization;
using Spectre.Console;
using Trading.Core.Backtesting;

namespace Trading.Cli.Commands.Backtest;

/// <summary>A portfolio backtest's strategies, one row each, and the total over them, under the allocator's budget.</summary>
internal static class PortfolioTable
{
    public static Table For(PortfolioSummary portfolio)
    {
        var limits = portfolio.Limits;
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape("Strategies (one account, under the allocator)"))
            .Caption(Markup.Escape(Text($"at most {limits.MaxStrategySharePct:0.##} % of equity each, × {limits.UncertainRegimeFactor:0.##} while UNCERTAIN; heat cap {limits.MaxPortfolioHeatPct:0.##} %, peak {portfolio.PeakHeatPct:0.##} %")));
        table.Expand = false;
        table.AddColumn("Strategy");
        foreach (var column in new[] { "Signals", "Orders", "Trades", "Win rate", "Net PnL", "Realized", "Fees", "Held", "Cut", "Denied" })
            table.AddColumn(new TableColumn(column).RightAligned());
        foreach (var s in portfolio.Strategies)
            table.AddRow(Row(s.Strategy, s.Signals, s.Orders, s.Trades, s.WinRate, s.NetPnl, s.RealizedPnl, s.FeesPaid, s.FinalQuantity, s.Reduced, s.Denied));
        var all = portfolio.Strategies;
        var trades = all.Sum(s => s.Trades);
        table.AddRow(Row("total", all.Sum(s => s.Signals), all.Sum(s => s.Orders), trades, trades == 0 ? 0 : (double)all.Sum(s => s.Wins) / trades,
            all.Sum(s => s.NetPnl), all.Sum(s => s.RealizedPnl), all.Sum(s => s.FeesPaid), all.Sum(s => s.FinalQuantity), all.Sum(s => s.Reduced), all.Sum(s => s.Denied)));
        return table;
    }

    private static string[] Row(string name, int signals, int orders, int trades, double winRate, decimal net, decimal realized, decimal fees, decimal held, int cut, int denied) =>
    [
        Markup.Escape(name), Text($"{signals:N0}"), Text($"{orders:N0}"), Text($"{trades:N0}"), Text($"{winRate:P1}"), Text($"{net:N2}"),
        Text($"{realized:N2}"), Text($"{fees:N2}"), Text($"{held:0.########}"), Text($"{cut:N0}"), Text($"{denied:N0}"),
    ];

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
