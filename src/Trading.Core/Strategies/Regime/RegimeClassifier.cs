using Trading.Core.Indicators;
using Trading.Core.Model;

namespace Trading.Core.Strategies.Regime;

/// <summary>
/// Classifies each closed candle, in this order:
/// 1. not all inputs ready → UNCERTAIN;
/// 2. ADX(adx_period) &gt; adx_threshold → TRENDING_UP when +DI &gt; -DI, TRENDING_DOWN when -DI &gt; +DI (a tie falls through);
/// 3. ATR% = 100·ATR(atr_period)/close &gt; volatility_ratio × SMA(lookback) of ATR% → HIGH_VOLATILITY;
/// 4. Bollinger bandwidth (upper-lower)/middle ≥ squeeze_ratio × SMA(lookback) of bandwidth → RANGING;
/// 5. otherwise (bands squeezed, no trend) → UNCERTAIN.
/// The SMAs of ATR% and bandwidth include the current value. Allocation-free per update.
/// </summary>
public sealed class RegimeClassifier
{
    private readonly RegimeClassifierOptions _options;
    private readonly Adx _adx;
    private readonly Atr _atr;
    private readonly BollingerBands _bands;
    private readonly Sma _atrPercentMean;
    private readonly Sma _widthMean;

    public RegimeClassifier(RegimeClassifierOptions? options = null)
    {
        _options = options ?? new RegimeClassifierOptions();
        _adx = new Adx(_options.AdxPeriod);
        _atr = new Atr(_options.AtrPeriod);
        _bands = new BollingerBands(_options.BollingerPeriod, _options.BollingerStdDev);
        _atrPercentMean = new Sma(_options.Lookback);
        _widthMean = new Sma(_options.Lookback);
    }

    public MarketRegime Current { get; private set; }

    /// <summary>Candles until the first classification that is not forced UNCERTAIN.</summary>
    public int WarmUpPeriod => Math.Max(_adx.WarmUpPeriod, Math.Max(_atr.WarmUpPeriod, _bands.WarmUpPeriod) + _options.Lookback - 1);

    public double Adx => _adx.Current;
    public double PlusDi => _adx.PlusDi;
    public double MinusDi => _adx.MinusDi;
    public double AtrPercent { get; private set; } = double.NaN;
    public double AtrPercentMean => _atrPercentMean.Current;
    public double Bandwidth => _bands.Bandwidth;
    public double BandwidthMean => _widthMean.Current;

    /// <summary>"TRENDING_UP", "TRENDING_DOWN", "RANGING", "HIGH_VOLATILITY" or "UNCERTAIN".</summary>
    public static string Label(MarketRegime regime) => regime switch
    {
        MarketRegime.TrendingUp => "TRENDING_UP",
        MarketRegime.TrendingDown => "TRENDING_DOWN",
        MarketRegime.Ranging => "RANGING",
        MarketRegime.HighVolatility => "HIGH_VOLATILITY",
        _ => "UNCERTAIN",
    };

    public MarketRegime Update(in Candle candle)
    {
        var high = (double)candle.High;
        var low = (double)candle.Low;
        var close = (double)candle.Close;
        var adxReady = _adx.Update(high, low, close);
        var volatilityReady = false;
        if (_atr.Update(high, low, close))
        {
            AtrPercent = close == 0 ? 0 : 100 * _atr.Current / close;
            volatilityReady = _atrPercentMean.Update(AtrPercent);
        }
        var widthReady = _bands.Update(close) && _widthMean.Update(_bands.Bandwidth);
        Current = adxReady && volatilityReady && widthReady ? Classify() : MarketRegime.Uncertain;
        return Current;
    }

    public void Reset()
    {
        _adx.Reset();
        _atr.Reset();
        _bands.Reset();
        _atrPercentMean.Reset();
        _widthMean.Reset();
        AtrPercent = double.NaN;
        Current = MarketRegime.Uncertain;
    }

    private MarketRegime Classify()
    {
        if (_adx.Current > _options.AdxThreshold)
        {
            if (_adx.PlusDi > _adx.MinusDi) return MarketRegime.TrendingUp;
            if (_adx.MinusDi > _adx.PlusDi) return MarketRegime.TrendingDown;
        }
        if (AtrPercent > _options.VolatilityRatio * _atrPercentMean.Current) return MarketRegime.HighVolatility;
        if (_bands.Bandwidth >= _options.SqueezeRatio * _widthMean.Current) return MarketRegime.Ranging;
        return MarketRegime.Uncertain;
    }
}
