using Trading.Core.Execution;
using Trading.Core.Model;
using Trading.Core.Risk;

namespace Trading.Core.Backtesting;

/// <summary>
/// How a backtest trades: starting cash, fees and slippage, the symbol's exchange filters, the risk limits and the
/// position sizing. The backtest's default risk limits let a single position use the whole balance and never halt
/// on drawdown, so results show the strategy itself; pass tighter <see cref="RiskLimits"/> to test them too.
/// </summary>
public sealed record BacktestSettings
{
    public decimal InitialBalance { get; init; } = 10_000m;
    public decimal FeeBps { get; init; } = 10m;
    public decimal SlippageBps { get; init; } = 2m;

    /// <summary>BTCUSDT's filters on Binance spot by default.</summary>
    public SymbolFilters Filters { get; init; } = DefaultFilters;

    public RiskLimits RiskLimits { get; init; } = new()
    {
        DailyLossLimitPct = 100m,
        MaxDrawdownPct = 100m,
        MaxOpenPositions = 1,
        MaxPositionFraction = 1m,
        PriceMoveGuardPct = null,
    };

    /// <summary>
    /// Sizing, protective exits and entry order type, as live trading uses them. The default buys the quantity the signal
    /// asks for and arms only the signal's own stop and target.
    /// </summary>
    public ExecutionPolicy Policy { get; init; } = new();

    /// <summary>Set for a USDⓈ-M futures backtest (leverage, brackets, funding); null trades spot.</summary>
    public FuturesBacktestSettings? Futures { get; init; }

    public MarketType Market => Futures is null ? MarketType.Spot : MarketType.Usdm;

    public static SymbolFilters DefaultFilters { get; } = new()
    {
        TickSize = 0.01m, MinPrice = 0.01m, MaxPrice = 1_000_000m,
        StepSize = 0.00001m, MinQuantity = 0.00001m, MaxQuantity = 9_000m,
        MinNotional = 5m,
    };

    public FillModelOptions FillOptions => new() { MakerFeeBps = FeeBps, TakerFeeBps = FeeBps, SlippageBps = SlippageBps };

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason for impossible settings.</summary>
    public void Validate()
    {
        if (InitialBalance <= 0) throw new ArgumentException($"The balance must be positive, got {InitialBalance}.");
        if (FeeBps is < 0 or > 1000) throw new ArgumentException($"The fee must be within 0..1000 bps, got {FeeBps}.");
        if (SlippageBps is < 0 or > 1000) throw new ArgumentException($"The slippage must be within 0..1000 bps, got {SlippageBps}.");
        RiskLimits.Validate();
        Policy.Validate();
        Futures?.Validate();
    }
}
