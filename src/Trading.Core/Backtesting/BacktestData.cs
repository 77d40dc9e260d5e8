using Trading.Core.Model;

namespace Trading.Core.Backtesting;

/// <summary>
/// Candles loaded once and shared by every run over them (a whole optimisation): one symbol and timeframe, strictly
/// increasing open times, checked on construction.
/// </summary>
public sealed class BacktestData
{
    public BacktestData(Candle[] candles)
    {
        ArgumentNullException.ThrowIfNull(candles);
        if (candles.Length == 0) throw new ArgumentException("A backtest needs at least one candle.", nameof(candles));
        Symbol = candles[0].Symbol;
        Timeframe = candles[0].Timeframe;
        for (var i = 1; i < candles.Length; i++)
        {
            if (candles[i].Symbol != Symbol || candles[i].Timeframe != Timeframe)
                throw new ArgumentException($"Candle {i} is {candles[i].Symbol} {candles[i].Timeframe}, not {Symbol} {Timeframe}.", nameof(candles));
            if (candles[i].OpenTimeMs <= candles[i - 1].OpenTimeMs)
                throw new InvalidCandleException($"Candles out of order at {candles[i].OpenTime:yyyy-MM-dd HH:mm}.");
        }
        Candles = candles;
        var closes = new double[candles.Length];
        for (var i = 0; i < candles.Length; i++) closes[i] = (double)candles[i].Close;
        Closes = closes;
    }

    /// <summary>The closes as doubles, converted once, for the per-candle equity curve.</summary>
    public ReadOnlyMemory<double> Closes { get; }

    public Symbol Symbol { get; }

    public Timeframe Timeframe { get; }

    public ReadOnlyMemory<Candle> Candles { get; }

    public int Count => Candles.Length;
}
