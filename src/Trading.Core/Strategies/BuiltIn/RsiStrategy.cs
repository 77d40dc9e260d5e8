using System.Globalization;
using Trading.Core.Indicators;
using Trading.Core.Model;

namespace Trading.Core.Strategies.BuiltIn;

/// <summary>Buys oversold and sells overbought by Wilder's RSI of the closes.</summary>
public sealed class RsiStrategy : StrategyBase
{
    private static readonly StrategyParameter[] Definitions =
    [
        StrategyParameter.Int("period", 14, 2, 500, "RSI period N (Wilder smoothing, TA-Lib seeding)."),
        StrategyParameter.Double("oversold", 30, 0, 100, "BUY threshold: RSI below this is oversold.", 5),
        StrategyParameter.Double("overbought", 70, 0, 100, "SELL threshold: RSI above this is overbought.", 5),
        StrategyParameter.Decimal("quantity", 0.001m, 0.00000001m, 1_000_000m, "Base-asset quantity per signal (a SELL is capped at the position)."),
        StrategyParameter.Choice("mode", "cross", ["cross", "level"], "cross: signal when RSI crosses a threshold; level: on every candle beyond it."),
    ];

    private static readonly string[] RsiKey = ["rsi"];
    private Rsi _rsi = new();
    private double _oversold;
    private double _overbought;
    private string _oversoldText = "";
    private string _overboughtText = "";
    private decimal _quantity;
    private bool _levelMode;
    private double _previous = double.NaN;
    private IPrecomputedIndicators? _precomputedSource;
    private PrecomputedSeries? _precomputedRsi;

    public RsiStrategy() => Configure();

    public override string Name => "rsi";

    public override bool SupportsShorts => true;

    public override string Description =>
        """
        RSI mean reversion: BUY when RSI(period) of the closes goes below oversold, SELL when it goes above overbought.
        RSI is Wilder's, as TA-Lib: average gain and loss seeded with the simple mean of the first `period` close-to-close
        changes, then avg = (avg*(period-1) + x)/period; RSI = 100*gain/(gain+loss) (0 when both are 0). The first RSI is
        on candle period+1 (warm-up period+1 candles). r = this candle's RSI, p = the previous candle's RSI.
        mode=cross (default): BUY when p >= oversold and r < oversold; SELL when p <= overbought and r > overbought.
        The first RSI value cannot cross (there is no p).
        mode=level: BUY on every candle with r < oversold; SELL on every candle with r > overbought.
        BUY quantity is `quantity` whatever the position. A SELL happens only when the position is > 0 and is for
        min(quantity, position) (spot sells only what it holds); on USDⓈ-M futures a SELL when flat opens a short of
        `quantity`, and a BUY while short closes up to `quantity` of it. Signals are at the candle's close.
        Confidence: BUY 50 + 50*(oversold - r)/oversold, SELL 50 + 50*(r - overbought)/(100 - overbought),
        rounded half away from zero and clamped to 0..100. Requires oversold < overbought.
        """;

    public override IReadOnlyList<StrategyParameter> Parameters => Definitions;

    public override int WarmUpPeriod => _rsi.WarmUpPeriod;

    private double CurrentRsi => _precomputedRsi is null ? _rsi.Current : _previous;

    public override Signal? OnCandle(in Candle candle, StrategyContext context)
    {
        if (!ReferenceEquals(context.Precomputed, _precomputedSource))
        {
            _precomputedSource = context.Precomputed;
            _precomputedRsi = _precomputedSource?.Find("rsi", _rsi.Period);
        }
        double r;
        if (_precomputedRsi is not null)
        {
            r = _precomputedRsi.At(context);
            if (double.IsNaN(r)) return null;
        }
        else
        {
            if (!_rsi.Update(context.CloseOf(candle))) return null;
            r = _rsi.Current;
        }
        var p = _previous;
        _previous = r;
        if (_levelMode)
        {
            if (r < _oversold) return Buy(candle, context, r, p);
            if (r > _overbought && MaySell(context)) return Sell(candle, context, r, p);
            return null;
        }
        if (r < _oversold && p >= _oversold) return Buy(candle, context, r, p);
        if (r > _overbought && p <= _overbought && MaySell(context)) return Sell(candle, context, r, p);
        return null;
    }

    public override void Reset()
    {
        _rsi.Reset();
        _previous = double.NaN;
        _precomputedSource = null;
        _precomputedRsi = null;
    }

    public override void WriteIndicatorValues(IDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values["rsi"] = CurrentRsi;
    }

    private protected override IndicatorSnapshot SnapshotIndicators() => IndicatorSnapshot.FiniteOne(RsiKey, CurrentRsi);

    protected override void OnConfigured()
    {
        _oversold = GetDouble("oversold");
        _overbought = GetDouble("overbought");
        if (_oversold >= _overbought)
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"oversold ({_oversold}) must be below overbought ({_overbought})"));
        _oversoldText = Values["oversold"];
        _overboughtText = Values["overbought"];
        _rsi = new Rsi(GetInt("period"));
        _quantity = GetDecimal("quantity");
        _levelMode = GetChoice("mode") == "level";
    }

    private Signal Buy(in Candle candle, StrategyContext context, double r, double p)
    {
        var confidence = Confidence(50 + (50 * (_oversold - r) / _oversold));
        return CreateSignal(candle, context, OrderSide.Buy, _quantity, confidence, Reason("below oversold", _oversoldText, r, p));
    }

    private Signal Sell(in Candle candle, StrategyContext context, double r, double p)
    {
        var confidence = Confidence(50 + (50 * (r - _overbought) / (100 - _overbought)));
        var quantity = context.PositionQuantity > 0 ? Math.Min(_quantity, context.PositionQuantity) : _quantity;
        return CreateSignal(candle, context, OrderSide.Sell, quantity, confidence, Reason("above overbought", _overboughtText, r, p));
    }

    /// <summary>Spot sells only a position; futures also open a short when flat (not adding to one).</summary>
    private static bool MaySell(StrategyContext context) => context.PositionQuantity > 0 || (context.CanShort && context.PositionQuantity == 0);

    private RsiSignalReason Reason(string what, string threshold, double r, double p) =>
        new(_rsi.Period, _levelMode, what, threshold, r, p);

    private static int Confidence(double value) => (int)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), 0, 100);
}
