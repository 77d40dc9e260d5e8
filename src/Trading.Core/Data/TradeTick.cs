namespace Trading.Core.Data;

/// <summary>One trade (or aggregated trade covering <see cref="TradeCount"/> trades) at a Unix-ms time.</summary>
public readonly record struct TradeTick(decimal Price, decimal Quantity, long TimeMs, int TradeCount = 1);
