using Trading.Core.Model;

namespace Trading.Core.Backtesting.Reports;

/// <summary>
/// The buy or sell fills of one chart bucket: how many, their total quantity and their volume-weighted price.
/// </summary>
public readonly record struct ChartMarker(long TimeMs, OrderSide Side, decimal Price, decimal Quantity, int Count = 1);
