using Trading.Core.Model;

namespace Trading.Core.Backtesting.Reports;

/// <summary>A buy or sell fill on the chart, placed on the bucket that contains it.</summary>
public readonly record struct ChartMarker(long TimeMs, OrderSide Side, decimal Price, decimal Quantity);
