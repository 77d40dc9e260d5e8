using Trading.Core.Model;

namespace Trading.Binance.Simulator.Futures;

/// <summary>An order on the simulated USDⓈ-M market: MARKET, LIMIT or STOP_MARKET, with its position side and reduce-only flag.</summary>
public sealed class FuturesOrder
{
    internal FuturesOrder(NewFuturesOrder request, long orderId, long timeMs)
    {
        Request = request;
        OrderId = orderId;
        TimeMs = timeMs;
        UpdateTimeMs = timeMs;
    }

    internal NewFuturesOrder Request { get; }
    public long OrderId { get; }
    public string ClientOrderId => Request.ClientOrderId;
    public Symbol Symbol => Request.Symbol;
    public OrderSide Side => Request.Side;
    public string Type => Request.Type;
    public PositionSide PositionSide => Request.PositionSide;
    public bool ReduceOnly => Request.ReduceOnly;
    public decimal Quantity => Request.Quantity;
    public decimal? Price => Request.Price;
    public decimal? StopPrice => Request.StopPrice;
    public long TimeMs { get; }
    public long UpdateTimeMs { get; internal set; }
    public string Status { get; internal set; } = "NEW";
    public decimal ExecutedQuantity { get; internal set; }
    public decimal CumulativeQuote { get; internal set; }

    /// <summary>A liquidation's order (Binance's autoclose-…): filled at the liquidation price, not sent by the trader.</summary>
    public bool IsLiquidation { get; internal init; }

    public decimal AveragePrice => ExecutedQuantity == 0 ? 0m : CumulativeQuote / ExecutedQuantity;
    public bool IsOpen => Status is "NEW" or "PARTIALLY_FILLED";
    public int Direction => Side == OrderSide.Buy ? 1 : -1;
    public decimal Remaining => Quantity - ExecutedQuantity;

    internal FuturesOrder Snapshot() => (FuturesOrder)MemberwiseClone();
}

/// <summary>A checked POST /fapi/v1/order.</summary>
internal sealed record NewFuturesOrder(
    Symbol Symbol, OrderSide Side, string Type, PositionSide PositionSide, decimal Quantity, decimal? Price, decimal? StopPrice,
    string TimeInForce, bool ReduceOnly, string ClientOrderId);

/// <summary>One row of GET /fapi/v1/income: REALIZED_PNL, COMMISSION or FUNDING_FEE, in USDT.</summary>
public sealed record FuturesIncome(Symbol Symbol, string IncomeType, decimal Amount, long TimeMs, long TranId, string Info);

/// <summary>One funding settlement of a symbol (GET /fapi/v1/fundingRate), whether or not a position paid it.</summary>
public sealed record FundingSettlement(Symbol Symbol, long FundingTimeMs, decimal Rate, decimal MarkPrice);
