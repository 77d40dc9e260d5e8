using System.Globalization;

namespace Trading.Core.Backtesting.Statistics;

/// <summary>The rows a futures run adds to the statistics table: market, leverage, funding and liquidations.</summary>
public static class FuturesRows
{
    public static IEnumerable<(string Label, string Value)> For(FuturesSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        yield return ("Market", "USDⓈ-M futures (isolated, one-way)");
        yield return ("Leverage", Format($"{summary.Leverage}x"));
        yield return ("Funding", summary.FundingSource);
        yield return ("Prices", summary.SpotCandlesStandIn ? "spot candles stand in for futures mark prices" : "stored USDⓈ-M futures candles (usdm series)");
        yield return ("Funding settlements", Format($"{summary.FundingSettlements:N0}"));
        yield return ("Funding paid", Format($"{summary.FundingPaid:N2}"));
        yield return ("Funding received", Format($"{summary.FundingReceived:N2}"));
        yield return ("Short trades", Format($"{summary.Shorts:N0} of {summary.Trades.Count:N0}"));
        yield return ("Liquidations", Format($"{summary.Liquidations:N0}"));
        yield return ("Liquidation loss", Format($"{summary.LiquidationLoss:N2}"));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
