using Trading.Core.Model;

namespace Trading.Binance.Futures;

/// <summary>The USDⓈ-M order types the platform sends.</summary>
public enum FuturesOrderType
{
    Market,
    Limit,
    StopMarket,
}

/// <summary>A new USDⓈ-M order: MARKET, LIMIT (price, GTC) or STOP_MARKET (stopPrice), with its position side and reduce-only flag.</summary>
public sealed record FuturesOrderRequest(
    Symbol Symbol, OrderSide Side, FuturesOrderType Type, decimal Quantity, string ClientOrderId,
    PositionSide PositionSide = PositionSide.Both, bool ReduceOnly = false, decimal? Price = null, decimal? StopPrice = null)
{
    /// <summary>Binance's type name: STOP_MARKET for a stop-loss without a limit price.</summary>
    public string BinanceType => Type switch
    {
        FuturesOrderType.Market => "MARKET",
        FuturesOrderType.Limit => "LIMIT",
        _ => "STOP_MARKET",
    };
}

/// <summary>A USDⓈ-M order as /fapi/v1/order answers it.</summary>
public sealed record FuturesOrderState(
    long OrderId, string ClientOrderId, Symbol Symbol, string Status, string Type, OrderSide Side, PositionSide PositionSide, bool ReduceOnly,
    decimal Quantity, decimal ExecutedQuantity, decimal AveragePrice, decimal CumulativeQuote, decimal Price, decimal StopPrice, long UpdateTimeMs)
{
    public bool IsOpen => Status is "NEW" or "PARTIALLY_FILLED";
}

/// <summary>One side of one symbol from GET /fapi/v2/positionRisk; <see cref="Amount"/> is negative for a short.</summary>
public sealed record FuturesPositionRisk(
    Symbol Symbol, PositionSide PositionSide, decimal Amount, decimal EntryPrice, decimal MarkPrice, decimal UnrealizedPnl,
    decimal LiquidationPrice, int Leverage, bool Isolated, decimal IsolatedMargin, decimal Notional);

/// <summary>GET /fapi/v2/account's totals in USDT.</summary>
public sealed record FuturesAccountSummary(
    decimal WalletBalance, decimal UnrealizedPnl, decimal MarginBalance, decimal AvailableBalance, decimal PositionInitialMargin, decimal MaintenanceMargin);

/// <summary>GET /fapi/v2/balance: one asset's wallet and available balance.</summary>
public sealed record FuturesBalance(string Asset, decimal Balance, decimal AvailableBalance);

/// <summary>GET /fapi/v1/premiumIndex: the mark price and the funding rate of the current period.</summary>
public sealed record FuturesMarkPrice(Symbol Symbol, decimal MarkPrice, decimal IndexPrice, decimal LastFundingRate, long NextFundingTimeMs, long TimeMs);

/// <summary>One settlement from GET /fapi/v1/fundingRate.</summary>
public sealed record FuturesFundingRate(Symbol Symbol, long FundingTimeMs, decimal Rate, decimal MarkPrice);

/// <summary>One row of GET /fapi/v1/income (REALIZED_PNL, FUNDING_FEE, COMMISSION, …); a negative amount was paid.</summary>
public sealed record FuturesIncomeRow(Symbol Symbol, string IncomeType, decimal Amount, string Asset, long TimeMs, long TranId, string Info);
