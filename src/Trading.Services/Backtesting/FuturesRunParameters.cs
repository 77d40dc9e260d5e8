using Trading.Core.Backtesting;

namespace Trading.Services.Backtesting;

/// <summary>What a stored usdm run keeps of its futures side: leverage, where funding came from, funding and liquidation totals.</summary>
public sealed record FuturesRunParameters(string Market, int Leverage, string FundingSource, bool SpotCandlesStandIn, decimal FundingPaid,
    decimal FundingReceived, int FundingSettlements, int Liquidations, decimal LiquidationLoss)
{
    public static FuturesRunParameters? From(FuturesSummary? summary) => summary is null
        ? null
        : new FuturesRunParameters("usdm", summary.Leverage, summary.FundingSource, summary.SpotCandlesStandIn, summary.FundingPaid,
            summary.FundingReceived, summary.FundingSettlements, summary.Liquidations, summary.LiquidationLoss);
}
