using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>One order held by the simulated exchange; mutated only under the exchange's lock.</summary>
public sealed class SimulatedOrder
{
    public required Symbol Symbol { get; init; }
    public required string BaseAsset { get; init; }
    public required string QuoteAsset { get; init; }
    public required long OrderId { get; init; }
    public required string ClientOrderId { get; init; }
    public required OrderSide Side { get; init; }
    public required OrderType Type { get; init; }
    public required string TimeInForce { get; init; }

    /// <summary>Limit price; 0 for market orders.</summary>
    public decimal Price { get; init; }

    /// <summary>The ordered quantity; for a market order by quote amount, what it bought or sold.</summary>
    public required decimal Quantity { get; set; }

    /// <summary>The quote amount of a market order placed with quoteOrderQty, else 0.</summary>
    public decimal OrigQuoteOrderQty { get; init; }

    /// <summary>LIMIT_MAKER: a limit that is rejected instead of taking.</summary>
    public bool PostOnly { get; init; }

    /// <summary>Binance's type name (MARKET, LIMIT, LIMIT_MAKER, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT).</summary>
    public required string TypeName { get; init; }

    /// <summary>The trigger price of a stop or take-profit order; 0 for the others.</summary>
    public decimal StopPrice { get; init; }

    /// <summary>The order list (OCO) it belongs to, or -1.</summary>
    public long OrderListId { get; init; } = -1;

    /// <summary>When it started working: at placement, or when its stop price triggered; -1 while it waits for the trigger.</summary>
    public long WorkingTimeMs { get; set; } = -1;

    public bool IsWorking => WorkingTimeMs >= 0;

    /// <summary>The id of the cancel request that cancelled it, if one did.</summary>
    public string? CancelClientOrderId { get; set; }
    public required long TimeMs { get; init; }
    public string Status { get; set; } = "NEW";
    public decimal ExecutedQuantity { get; set; }
    public decimal CumulativeQuote { get; set; }

    /// <summary>Amount locked while the order rests: quote (limit × open quantity) for buys, the open base quantity for sells.</summary>
    public decimal Locked { get; set; }

    public long UpdateTimeMs { get; set; }

    public List<SimulatedTrade> Trades { get; } = [];

    /// <summary>Working or waiting (NEW, PARTIALLY_FILLED), or an OTO/OTOCO's pending order before its working order filled (PENDING_NEW).</summary>
    public bool IsOpen => Status is "NEW" or "PARTIALLY_FILLED" or "PENDING_NEW";

    /// <summary>A copy that later fills do not change.</summary>
    public SimulatedOrder Snapshot()
    {
        var copy = new SimulatedOrder
        {
            Symbol = Symbol, BaseAsset = BaseAsset, QuoteAsset = QuoteAsset, OrderId = OrderId, ClientOrderId = ClientOrderId,
            Side = Side, Type = Type, TimeInForce = TimeInForce, Price = Price, Quantity = Quantity, OrigQuoteOrderQty = OrigQuoteOrderQty, PostOnly = PostOnly, TimeMs = TimeMs,
            TypeName = TypeName, StopPrice = StopPrice, OrderListId = OrderListId, WorkingTimeMs = WorkingTimeMs, CancelClientOrderId = CancelClientOrderId,
            Status = Status, ExecutedQuantity = ExecutedQuantity, CumulativeQuote = CumulativeQuote, Locked = Locked, UpdateTimeMs = UpdateTimeMs,
        };
        copy.Trades.AddRange(Trades);
        return copy;
    }
}

/// <summary>One execution of a simulated order; commission is in the asset received.</summary>
public sealed record SimulatedTrade(long TradeId, decimal Price, decimal Quantity, decimal Commission, string CommissionAsset, bool IsMaker, long TimeMs);
