using Trading.Core.Futures;

namespace Trading.Core.Backtesting;

/// <summary>What a futures backtest adds to its result: leverage, where the funding came from, funding and liquidations.</summary>
public sealed record FuturesSummary
{
    public required int Leverage { get; init; }
    public required string FundingSource { get; init; }
    public required bool SpotCandlesStandIn { get; init; }
    public required decimal FundingPaid { get; init; }
    public required decimal FundingReceived { get; init; }
    public required int FundingSettlements { get; init; }
    public required int Liquidations { get; init; }
    public required decimal LiquidationLoss { get; init; }
    public required IReadOnlyList<FuturesTrade> Trades { get; init; }
    public required IReadOnlyList<FundingPayment> Payments { get; init; }

    public decimal FundingNet => FundingPaid + FundingReceived;
    public int Shorts => Trades.Count(t => t.Side == Model.PositionSide.Short);
}
