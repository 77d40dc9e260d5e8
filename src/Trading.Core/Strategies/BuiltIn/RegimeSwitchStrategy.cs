using System.Globalization;
using Trading.Core.Model;
using Trading.Core.Strategies.Regime;

namespace Trading.Core.Strategies.BuiltIn;

/// <summary>Routes to supertrend, mean_reversion or squeeze by market regime, and stays flat when the regime is uncertain.</summary>
public sealed class RegimeSwitchStrategy : StrategyBase
{
    private const int FlattenConfidence = 50;

    private static readonly StrategyParameter[] Definitions =
    [
        StrategyParameter.Decimal("quantity", 0.001m, 0.00000001m, 1_000_000m, "Base-asset quantity given to every sub-strategy."),
        StrategyParameter.Int("adx_period", 14, 2, 200, "ADX period."),
        StrategyParameter.Double("adx_threshold", 25, 0, 100, "ADX above this is a trend.", 5),
        StrategyParameter.Int("atr_period", 14, 1, 200, "ATR period for ATR% = 100*ATR/close."),
        StrategyParameter.Int("lookback", 100, 2, 5000, "History length for the ATR% and Bollinger-width means."),
        StrategyParameter.Double("volatility_ratio", 1.5, 0.1, 20, "HIGH_VOLATILITY when ATR% > this x its mean.", 0.25),
        StrategyParameter.Int("bb_period", 20, 2, 500, "Bollinger period for the width."),
        StrategyParameter.Double("bb_stddev", 2.0, 0.1, 10, "Bollinger width in standard deviations."),
        StrategyParameter.Double("squeeze_ratio", 0.75, 0.01, 10, "RANGING needs width >= this x its mean; narrower is a squeeze (UNCERTAIN).", 0.05),
    ];

    private readonly SupertrendStrategy _trend = new();
    private readonly MeanReversionStrategy _range = new();
    private readonly SqueezeStrategy _volatile = new();
    private RegimeClassifier _classifier = new();
    private MarketRegime _previousRegime;

    public RegimeSwitchStrategy() => Configure();

    public override string Name => "regime_switch";

    public override string Description =>
        """
        Regime switch: supertrend when trending, mean_reversion when ranging, squeeze when volatile, flat when uncertain.
        Each candle is classified (first rule that holds): inputs not ready -> UNCERTAIN; ADX(adx_period) > adx_threshold
        -> TRENDING_UP if +DI > -DI, TRENDING_DOWN if -DI > +DI; ATR% = 100*ATR(atr_period)/close > volatility_ratio *
        SMA(lookback) of ATR% -> HIGH_VOLATILITY; Bollinger(bb_period, bb_stddev) width (upper-lower)/middle >=
        squeeze_ratio * SMA(lookback) of width -> RANGING; else UNCERTAIN (a squeeze). The SMAs include the current value.
        The sub-strategies supertrend, mean_reversion and squeeze run with their default parameters and this quantity;
        all three see every candle (so they stay warm) with the same position, in that order. Then, first that applies:
        1. the sub-strategy of the regime (supertrend for TRENDING_UP/DOWN, mean_reversion for RANGING, squeeze for
           HIGH_VOLATILITY, none for UNCERTAIN) gave a signal -> that signal;
        2. any sub-strategy gave a SELL (in the order above) -> that SELL (exits always pass);
        3. the regime became UNCERTAIN on this candle (it was not on the previous one) and the position is > 0 ->
           SELL the whole position, confidence 50.
        Signals keep the sub-strategy's side, quantity, confidence and stop-loss; the reason names the regime and the
        sub-strategy. Warm-up is the longest of the classifier's and the sub-strategies'.
        """;

    public override IReadOnlyList<StrategyParameter> Parameters => Definitions;

    public override int WarmUpPeriod =>
        Math.Max(_classifier.WarmUpPeriod, Math.Max(_trend.WarmUpPeriod, Math.Max(_range.WarmUpPeriod, _volatile.WarmUpPeriod)));

    public override Signal? OnCandle(in Candle candle, StrategyContext context)
    {
        var regime = _classifier.Update(candle);
        var previousRegime = _previousRegime;
        _previousRegime = regime;
        var trend = _trend.OnCandle(candle, context);
        var range = _range.OnCandle(candle, context);
        var burst = _volatile.OnCandle(candle, context);
        var active = regime switch
        {
            MarketRegime.TrendingUp or MarketRegime.TrendingDown => trend,
            MarketRegime.Ranging => range,
            MarketRegime.HighVolatility => burst,
            _ => null,
        };
        var chosen = active ?? FirstSell(trend, range, burst);
        if (chosen is not null)
        {
            var reason = $"[{RegimeClassifier.Label(regime)}] {chosen.Strategy}: {chosen.Reason}";
            return CreateSignal(candle, context, chosen.Side, chosen.Quantity, chosen.Confidence, reason, chosen.StopLoss, chosen.TakeProfit);
        }
        if (regime == MarketRegime.Uncertain && previousRegime != MarketRegime.Uncertain && context.PositionQuantity > 0)
        {
            var reason = string.Create(CultureInfo.InvariantCulture, $"[UNCERTAIN] regime turned uncertain (was {RegimeClassifier.Label(previousRegime)}): going flat");
            return CreateSignal(candle, context, OrderSide.Sell, context.PositionQuantity, FlattenConfidence, reason);
        }
        return null;
    }

    public override void Reset()
    {
        _classifier.Reset();
        _trend.Reset();
        _range.Reset();
        _volatile.Reset();
        _previousRegime = MarketRegime.Uncertain;
    }

    public override void WriteIndicatorValues(IDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values["regime"] = (int)_classifier.Current;
        values["adx"] = _classifier.Adx;
        values["plus_di"] = _classifier.PlusDi;
        values["minus_di"] = _classifier.MinusDi;
        values["atr_pct"] = _classifier.AtrPercent;
        values["atr_pct_mean"] = _classifier.AtrPercentMean;
        values["bb_width"] = _classifier.Bandwidth;
        values["bb_width_mean"] = _classifier.BandwidthMean;
        _trend.WriteIndicatorValues(values);
        _range.WriteIndicatorValues(values);
        _volatile.WriteIndicatorValues(values);
    }

    protected override void OnConfigured()
    {
        _classifier = new RegimeClassifier(new RegimeClassifierOptions
        {
            AdxPeriod = GetInt("adx_period"),
            AdxThreshold = GetDouble("adx_threshold"),
            AtrPeriod = GetInt("atr_period"),
            Lookback = GetInt("lookback"),
            VolatilityRatio = GetDouble("volatility_ratio"),
            BollingerPeriod = GetInt("bb_period"),
            BollingerStdDev = GetDouble("bb_stddev"),
            SqueezeRatio = GetDouble("squeeze_ratio"),
        });
        var quantity = new Dictionary<string, string> { ["quantity"] = Values["quantity"] };
        _trend.Configure(quantity);
        _range.Configure(quantity);
        _volatile.Configure(quantity);
    }

    private static Signal? FirstSell(Signal? trend, Signal? range, Signal? burst) =>
        trend is { Side: OrderSide.Sell } ? trend
        : range is { Side: OrderSide.Sell } ? range
        : burst is { Side: OrderSide.Sell } ? burst
        : null;
}
