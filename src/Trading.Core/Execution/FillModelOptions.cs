namespace Trading.Core.Execution;

/// <summary>Fees and slippage for simulated fills, in basis points (1 bp = 0.01%). Binance's default fee is 10 bps.</summary>
public sealed record FillModelOptions
{
    public decimal MakerFeeBps { get; init; } = 10m;
    public decimal TakerFeeBps { get; init; } = 10m;

    /// <summary>Slippage on market and stop fills, always against the trader.</summary>
    public decimal SlippageBps { get; init; }

    public void Validate()
    {
        if (MakerFeeBps < 0 || TakerFeeBps < 0 || SlippageBps < 0)
            throw new ArgumentException($"Fees and slippage must not be negative (maker {MakerFeeBps}, taker {TakerFeeBps}, slippage {SlippageBps} bps).");
    }
}
