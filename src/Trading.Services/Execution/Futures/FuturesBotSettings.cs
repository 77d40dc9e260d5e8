using Trading.Core.Futures;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Services.Execution.Futures;

/// <summary>
/// What makes a bot a USDⓈ-M one (<c>trade start --market usdm</c>): its symbol, leverage and brackets, the funding a paper
/// bot books (a fundingRate file or a stated constant, as in a backtest) and the RISK_FUTURES_* limits. One-way mode
/// (position side BOTH) and isolated margin, as the futures backtest trades.
/// </summary>
public sealed record FuturesBotSettings
{
    public required Symbol Symbol { get; init; }
    public required int Leverage { get; init; }
    public required LeverageBrackets Brackets { get; init; }
    public required FundingRates Funding { get; init; }
    public FuturesRiskLimits RiskLimits { get; init; } = new();
}
