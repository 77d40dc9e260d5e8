using System.Globalization;
using Trading.Core.Indicators;
using Trading.Core.Model;

namespace Trading.Core.Strategies.BuiltIn;

/// <summary>Bollinger Band mean reversion: buy a close below the lower band, sell back at the middle band.</summary>
public sealed class MeanReversionStrategy : StrategyBase
{
    private const int Confidence = 55;

    private static readonly StrategyParameter[] Definitions =
    [
        StrategyParameter.Int("period", 20, 2, 500, "Bollinger period N (SMA middle, population standard deviation)."),
        StrategyParameter.Double("stddev", 2.0, 0.1, 10, "Band width k in standard deviations.", 0.5),
        StrategyParameter.Decimal("quantity", 0.001m, 0.00000001m, 1_000_000m, "Base-asset quantity per signal (a SELL is capped at the position)."),
    ];

    private BollingerBands _bands = new();
    private decimal _quantity;
    private double _previousClose = double.NaN;
    private double _previousLower = double.NaN;
    private double _previousMiddle = double.NaN;

    public MeanReversionStrategy() => Configure();

    public override string Name => "mean_reversion";

    public override string Description =>
        """
        Bollinger mean reversion: BUY when the close crosses below the lower band, SELL when it crosses back above the middle.
        Bands on the closes, as TA-Lib BBANDS: middle = SMA(period), upper/lower = middle +/- stddev * population
        standard deviation of the last `period` closes; first bands on candle `period`. With c/lower/middle of this
        candle and c'/lower'/middle' of the previous one (both candles need bands, so the first signal is on period+1):
        BUY when c' >= lower' and c < lower, whatever the position, for `quantity`, with stop-loss
        c - (middle - lower) / 2 (half a band below the close), rounded to 8 decimals.
        SELL when c' <= middle' and c > middle and the position is > 0, for min(quantity, position).
        Signals are at the candle's close with confidence 55.
        """;

    public override IReadOnlyList<StrategyParameter> Parameters => Definitions;

    public override int WarmUpPeriod => _bands.WarmUpPeriod + 1;

    public override Signal? OnCandle(in Candle candle, StrategyContext context)
    {
        var close = context.CloseOf(candle);
        if (!_bands.Update(close)) return null;
        var c = _previousClose;
        var lower = _previousLower;
        var middle = _previousMiddle;
        _previousClose = close;
        _previousLower = _bands.Lower;
        _previousMiddle = _bands.Middle;
        if (close < _bands.Lower && c >= lower)
        {
            var stop = Math.Round(candle.Close - ((decimal)(_bands.Middle - _bands.Lower) / 2), 8);
            return CreateSignal(candle, context, OrderSide.Buy, _quantity, Confidence, Reason("below the lower", _bands.Lower), stop);
        }
        if (close > _bands.Middle && c <= middle && context.PositionQuantity > 0)
            return CreateSignal(candle, context, OrderSide.Sell, Math.Min(_quantity, context.PositionQuantity), Confidence, Reason("above the middle", _bands.Middle));
        return null;
    }

    public override void Reset()
    {
        _bands.Reset();
        _previousClose = _previousLower = _previousMiddle = double.NaN;
    }

    public override void WriteIndicatorValues(IDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values["bb_lower"] = _bands.Lower;
        values["bb_middle"] = _bands.Middle;
        values["bb_upper"] = _bands.Upper;
    }

    protected override void OnConfigured()
    {
        _bands = new BollingerBands(GetInt("period"), GetDouble("stddev"));
        _quantity = GetDecimal("quantity");
    }

    private string Reason(string band, double level) => string.Create(
        CultureInfo.InvariantCulture, $"close crossed {band} Bollinger band ({_bands.Period}, {_bands.Multiplier}) at {level:F2}");
}
