using System.Globalization;
using Trading.Core.Indicators;
using Trading.Core.Model;

namespace Trading.Core.Strategies.BuiltIn;

/// <summary>Trend following on the Supertrend direction: buy the flip up, sell the flip down.</summary>
public sealed class SupertrendStrategy : StrategyBase
{
    private const int Confidence = 65;

    private static readonly StrategyParameter[] Definitions =
    [
        StrategyParameter.Int("atr_period", 10, 1, 200, "ATR period N (Wilder, TA-Lib seeding)."),
        StrategyParameter.Double("multiplier", 3.0, 0.5, 10, "Band distance m in ATRs.", 0.5),
        StrategyParameter.Decimal("quantity", 0.001m, 0.00000001m, 1_000_000m, "Base-asset quantity per signal (a SELL is capped at the position)."),
    ];

    private Supertrend _supertrend = new();
    private decimal _quantity;
    private int _previousDirection;
    private TrendReversal _reversal;

    public SupertrendStrategy() => Configure();

    public override string Name => "supertrend";

    public override bool SupportsShorts => true;

    public override string Description =>
        """
        Supertrend: BUY when the Supertrend direction flips up, SELL when it flips down.
        ATR(N) is Wilder's as TA-Lib (TR = max(H-L, |H-C'|, |L-C'|), seeded with the mean of the first N TRs from bar 2).
        Basic bands (H+L)/2 +/- m*ATR. Final upper = basic upper if it is below the previous final upper or the previous
        close was above the previous final upper, else the previous final upper; final lower mirrors it (basic lower if
        above the previous final lower or the previous close was below it). The first ready bar (N+1) starts with
        direction down. Direction flips up when close > final upper while down, and down when close < final lower while up.
        BUY on a flip up, whatever the position, for `quantity`, with stop-loss = final lower band (rounded to 8 decimals).
        SELL on a flip down when the position is > 0, for min(quantity, position). The first ready bar cannot flip,
        so the earliest signal is on candle N+2. Signals are at the candle's close with confidence 65.
        Futures (shorts): a flip down when flat or short SELLs `quantity` (opens or adds to a short) with stop-loss = final
        upper band; a flip up when short BUYs min(quantity, short) (covers). A flip that closes a whole position against it
        reverses: on the next candle, when flat and the direction is unchanged, it signals `quantity` in the new direction
        (with the band on the other side as its stop-loss).
        """;

    public override IReadOnlyList<StrategyParameter> Parameters => Definitions;

    public override int WarmUpPeriod => _supertrend.WarmUpPeriod + 1;

    public override Signal? OnCandle(in Candle candle, StrategyContext context)
    {
        if (!_supertrend.Update((double)candle.High, (double)candle.Low, context.CloseOf(candle))) return null;
        var direction = _supertrend.Direction;
        var previous = _previousDirection;
        _previousDirection = direction;
        var position = context.PositionQuantity;
        if (previous < 0 && direction > 0)
        {
            if (position >= 0) return Open(candle, context, OrderSide.Buy);
            if (_quantity >= -position) _reversal.Closing(context, OrderSide.Buy);
            return CreateSignal(candle, context, OrderSide.Buy, Math.Min(_quantity, -position), Confidence, Reason("up", _supertrend.UpperBand));
        }
        if (previous > 0 && direction < 0 && position > 0)
        {
            if (_quantity >= position) _reversal.Closing(context, OrderSide.Sell);
            return CreateSignal(candle, context, OrderSide.Sell, Math.Min(_quantity, position), Confidence, Reason("down", _supertrend.LowerBand));
        }
        if (previous > 0 && direction < 0 && context.CanShort) return Open(candle, context, OrderSide.Sell);
        return _reversal.Due(context, direction) is { } side ? Open(candle, context, side) : null;
    }

    /// <summary>An entry for `quantity` with the band on the other side as its stop-loss.</summary>
    private Signal Open(in Candle candle, StrategyContext context, OrderSide side)
    {
        var up = side == OrderSide.Buy;
        var stop = Math.Round((decimal)(up ? _supertrend.LowerBand : _supertrend.UpperBand), 8);
        return CreateSignal(candle, context, side, _quantity, Confidence, up ? Reason("up", _supertrend.UpperBand) : Reason("down", _supertrend.LowerBand), stop);
    }

    public override void Reset()
    {
        _supertrend.Reset();
        _previousDirection = 0;
        _reversal.Reset();
    }

    public override void WriteIndicatorValues(IDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values["supertrend"] = _supertrend.Value;
        values["supertrend_direction"] = _supertrend.Direction;
    }

    protected override void OnConfigured()
    {
        _supertrend = new Supertrend(GetInt("atr_period"), GetDouble("multiplier"));
        _quantity = GetDecimal("quantity");
    }

    private string Reason(string direction, double band) => string.Create(
        CultureInfo.InvariantCulture, $"Supertrend({_supertrend.AtrPeriod}, {_supertrend.Multiplier}) flipped {direction}: close crossed the band at {band:F2}");
}
