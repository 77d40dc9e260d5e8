using Trading.Core.Futures;
using Trading.Core.Risk;

namespace Trading.Core.Backtesting;

/// <summary>
/// What makes a backtest a USDⓈ-M futures one (docs/futures.md): the leverage, the symbol's leverage brackets, the
/// funding rates (a fundingRate file's settlements, or a stated constant while spot candles stand in for futures prices),
/// and the futures risk limits. Market orders pay the taker fee of <see cref="BacktestSettings.FeeBps"/> unless
/// <see cref="TakerFeeBps"/> says otherwise.
/// </summary>
public sealed record FuturesBacktestSettings
{
    public int Leverage { get; init; } = 1;
    public required LeverageBrackets Brackets { get; init; }
    public required FundingRates Funding { get; init; }
    public decimal? TakerFeeBps { get; init; }
    public decimal? MakerFeeBps { get; init; }
    public FuturesRiskLimits RiskLimits { get; init; } = FuturesRiskLimits.Backtest;

    /// <summary>True when the candles are spot candles standing in for futures prices (the report says so).</summary>
    public bool SpotCandlesStandIn { get; init; }

    public void Validate()
    {
        if (Leverage < 1 || Leverage > Brackets.MaxLeverage)
            throw new ArgumentException($"leverage {Leverage}x is outside 1..{Brackets.MaxLeverage}x, the {Brackets.Symbol} bracket maximum.");
        if (TakerFeeBps is < 0 or > 1000) throw new ArgumentException($"The taker fee must be within 0..1000 bps, got {TakerFeeBps}.");
        if (MakerFeeBps is < 0 or > 1000) throw new ArgumentException($"The maker fee must be within 0..1000 bps, got {MakerFeeBps}.");
        RiskLimits.Validate();
    }
}
