using System.Globalization;
using Trading.Core.Indicators;
using Trading.Core.Model;

namespace Trading.Core.Strategies.BuiltIn;

/// <summary>Trend following on a fast and a slow simple moving average of the closes.</summary>
public sealed class SmaCrossoverStrategy : StrategyBase
{
    private const int Confidence = 60;

    private static readonly StrategyParameter[] Definitions =
    [
        StrategyParameter.Int("fast", 10, 1, 500, "Fast SMA period; must be below slow."),
        StrategyParameter.Int("slow", 30, 2, 1000, "Slow SMA period."),
        StrategyParameter.Decimal("quantity", 0.001m, 0.00000001m, 1_000_000m, "Base-asset quantity per signal (a SELL is capped at the position)."),
    ];

    private Sma _fast = new(10);
    private Sma _slow = new(30);
    private decimal _quantity;
    private double _previousDifference = double.NaN;
    private TrendReversal _reversal;

    public SmaCrossoverStrategy() => Configure();

    public override string Name => "sma_crossover";

    public override bool SupportsShorts => true;

    public override string Description =>
        """
        SMA crossover: BUY when the fast SMA of the closes crosses above the slow SMA, SELL when it crosses below.
        SMA(n) on a candle is the mean of the last n closes including it. d = SMA(fast) - SMA(slow) on this candle,
        q = the same on the previous candle; both need slow candles, so the first possible signal is on candle slow+1.
        BUY when q <= 0 and d > 0, whatever the position, for `quantity`.
        SELL when q >= 0 and d < 0 and the position is > 0, for min(quantity, position).
        Signals are at the candle's close with confidence 60. Requires fast < slow.
        Futures (shorts): a cross down when flat or short SELLs `quantity` (opens or adds to a short); a cross up when short
        BUYs min(quantity, short) (covers). A cross that closes a whole position against it reverses: on the next candle,
        when flat and d still has the cross's sign, it signals `quantity` in the cross's direction.
        """;

    public override IReadOnlyList<StrategyParameter> Parameters => Definitions;

    public override int WarmUpPeriod => _slow.Period + 1;

    public override Signal? OnCandle(in Candle candle, StrategyContext context)
    {
        var close = context.CloseOf(candle);
        _fast.Update(close);
        if (!_slow.Update(close)) return null;
        var d = _fast.Current - _slow.Current;
        var q = _previousDifference;
        _previousDifference = d;
        var position = context.PositionQuantity;
        if (d > 0 && q <= 0)
        {
            if (position >= 0) return CreateSignal(candle, context, OrderSide.Buy, _quantity, Confidence, Reason("above", d));
            if (_quantity >= -position) _reversal.Closing(context, OrderSide.Buy);
            return CreateSignal(candle, context, OrderSide.Buy, Math.Min(_quantity, -position), Confidence, Reason("above", d));
        }
        if (d < 0 && q >= 0 && position > 0)
        {
            if (_quantity >= position) _reversal.Closing(context, OrderSide.Sell);
            return CreateSignal(candle, context, OrderSide.Sell, Math.Min(_quantity, position), Confidence, Reason("below", d));
        }
        if (d < 0 && q >= 0 && context.CanShort)
            return CreateSignal(candle, context, OrderSide.Sell, _quantity, Confidence, Reason("below", d));
        if (_reversal.Due(context, Math.Sign(d)) is { } side)
            return CreateSignal(candle, context, side, _quantity, Confidence, Reason(side == OrderSide.Buy ? "above" : "below", d));
        return null;
    }

    public override void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _previousDifference = double.NaN;
        _reversal.Reset();
    }

    public override void WriteIndicatorValues(IDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values["sma_fast"] = _fast.Current;
        values["sma_slow"] = _slow.Current;
    }

    protected override void OnConfigured()
    {
        var fast = GetInt("fast");
        var slow = GetInt("slow");
        if (fast >= slow) throw Invalid($"fast ({fast}) must be below slow ({slow})");
        _fast = new Sma(fast);
        _slow = new Sma(slow);
        _quantity = GetDecimal("quantity");
    }

    private string Reason(string direction, double difference) => string.Create(
        CultureInfo.InvariantCulture,
        $"SMA({_fast.Period}) {_fast.Current:F2} crossed {direction} SMA({_slow.Period}) {_slow.Current:F2} (gap {difference:F2})");
}
