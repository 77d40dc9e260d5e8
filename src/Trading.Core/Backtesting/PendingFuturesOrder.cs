using Trading.Core.Risk;

namespace Trading.Core.Backtesting;

/// <summary>A futures order decided on one candle, waiting for the next candle's open; its strategy in a portfolio run.</summary>
internal readonly record struct PendingFuturesOrder(FuturesOrderRequest Order, string Id, string? Strategy);
