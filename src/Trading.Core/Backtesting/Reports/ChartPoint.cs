namespace Trading.Core.Backtesting.Reports;

/// <summary>One bucket of the report chart: OHLC of the candles in it, equity at its last close and its deepest drawdown (≤ 0).</summary>
public readonly record struct ChartPoint(long TimeMs, double Open, double High, double Low, double Close, double Equity, double Drawdown);
