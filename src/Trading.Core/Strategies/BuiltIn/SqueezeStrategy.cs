using System.Globalization;
using Trading.Core.Indicators;
using Trading.Core.Model;

namespace Trading.Core.Strategies.BuiltIn;

/// <summary>Volatility squeeze: Bollinger Bands inside Keltner Channels, then trade the release in the direction of the close.</summary>
public sealed class SqueezeStrategy : StrategyBase
{
    private const int Confidence = 60;

    private static readonly StrategyParameter[] Definitions =
    [
        StrategyParameter.Int("bb_period", 20, 2, 500, "Bollinger period (SMA middle, population standard deviation)."),
        StrategyParameter.Double("bb_stddev", 2.0, 0.1, 10, "Bollinger width in standard deviations.", 0.5),
        StrategyParameter.Int("kc_period", 20, 1, 500, "Keltner EMA period."),
        StrategyParameter.Int("kc_atr_period", 10, 1, 500, "Keltner ATR period (Wilder)."),
        StrategyParameter.Double("kc_multiplier", 1.5, 0.1, 10, "Keltner width in ATRs.", 0.25),
        StrategyParameter.Decimal("quantity", 0.001m, 0.00000001m, 1_000_000m, "Base-asset quantity per signal (a SELL is capped at the position)."),
    ];

    private BollingerBands _bands = new();
    private KeltnerChannels _keltner = new();
    private decimal _quantity;
    private bool _wasSqueezed;
    private double _previousClose = double.NaN;
    private double _previousKeltnerMiddle = double.NaN;

    public SqueezeStrategy() => Configure();

    public override string Name => "squeeze";

    public override string Description =>
        """
        Squeeze breakout: when Bollinger Bands that sat inside the Keltner Channels come out, trade the side of the close.
        Bollinger as TA-Lib BBANDS on closes (SMA(bb_period) +/- bb_stddev * population stdev); Keltner middle =
        EMA(kc_period) of closes seeded with the SMA of the first kc_period closes, bands = middle +/- kc_multiplier *
        ATR(kc_atr_period) (Wilder, TA-Lib seeding). On a candle where both are ready, squeezed = BB upper < KC upper
        and BB lower > KC lower. A release is a candle that is not squeezed while the previous candle was.
        BUY on a release whose close > BB middle, whatever the position, for `quantity`, with stop-loss = KC lower
        (rounded to 8 decimals). SELL on a release whose close < BB middle when the position is > 0.
        Exit: SELL when the position is > 0 and the close crosses below the KC middle (previous close >= previous KC
        middle and close < KC middle). SELLs are for min(quantity, position). Signals are at the close, confidence 60.
        """;

    public override IReadOnlyList<StrategyParameter> Parameters => Definitions;

    public override int WarmUpPeriod => Math.Max(_bands.WarmUpPeriod, _keltner.WarmUpPeriod) + 1;

    public override Signal? OnCandle(in Candle candle, StrategyContext context)
    {
        var close = context.CloseOf(candle);
        var bandsReady = _bands.Update(close);
        if (!_keltner.Update((double)candle.High, (double)candle.Low, close) || !bandsReady) return null;
        var squeezed = _bands.Upper < _keltner.Upper && _bands.Lower > _keltner.Lower;
        var released = _wasSqueezed && !squeezed;
        var crossedBelowMiddle = _previousClose >= _previousKeltnerMiddle && close < _keltner.Middle;
        _wasSqueezed = squeezed;
        _previousClose = close;
        _previousKeltnerMiddle = _keltner.Middle;
        if (released && close > _bands.Middle)
        {
            var stop = Math.Round((decimal)_keltner.Lower, 8);
            return CreateSignal(candle, context, OrderSide.Buy, _quantity, Confidence, Reason("squeeze released upwards"), stop);
        }
        if (context.PositionQuantity <= 0) return null;
        if ((released && close < _bands.Middle) || crossedBelowMiddle)
        {
            var why = released ? "squeeze released downwards" : "close crossed below the Keltner middle";
            return CreateSignal(candle, context, OrderSide.Sell, Math.Min(_quantity, context.PositionQuantity), Confidence, Reason(why));
        }
        return null;
    }

    public override void Reset()
    {
        _bands.Reset();
        _keltner.Reset();
        _wasSqueezed = false;
        _previousClose = _previousKeltnerMiddle = double.NaN;
    }

    public override void WriteIndicatorValues(IDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values["squeeze_bb_upper"] = _bands.Upper;
        values["squeeze_bb_middle"] = _bands.Middle;
        values["squeeze_bb_lower"] = _bands.Lower;
        values["squeeze_kc_upper"] = _keltner.Upper;
        values["squeeze_kc_middle"] = _keltner.Middle;
        values["squeeze_kc_lower"] = _keltner.Lower;
        values["squeeze_on"] = _wasSqueezed ? 1 : 0;
    }

    protected override void OnConfigured()
    {
        _bands = new BollingerBands(GetInt("bb_period"), GetDouble("bb_stddev"));
        _keltner = new KeltnerChannels(GetInt("kc_period"), GetInt("kc_atr_period"), GetDouble("kc_multiplier"));
        _quantity = GetDecimal("quantity");
    }

    private string Reason(string what) => string.Create(CultureInfo.InvariantCulture,
        $"{what}: BB {_bands.Lower:F2}..{_bands.Upper:F2}, KC {_keltner.Lower:F2}..{_keltner.Upper:F2}, BB middle {_bands.Middle:F2}");
}
