using System.Text.Json;
using Trading.Binance.Json;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>The REST answers of the trading endpoints in Binance's field order (see the examples and rest-api.md).</summary>
public static class OrderResponseJson
{
    /// <summary>POST /api/v3/order with newOrderRespType=FULL.</summary>
    public static byte[] Full(SimulatedOrder o) => Placement(o, "FULL");

    /// <summary>POST /api/v3/order: ACK (ids and time), RESULT (the order without its fills) or FULL (with them).</summary>
    public static byte[] Placement(SimulatedOrder o, string responseType) => SimulatorJson.Write(w => PlacementObject(w, o, responseType));

    /// <summary>One placement answer; an order list's orderReports are these.</summary>
    internal static void PlacementObject(Utf8JsonWriter w, SimulatedOrder o, string responseType)
    {
        w.WriteStartObject();
        Head(w, o, o.ClientOrderId);
        w.WriteNumber("transactTime", o.TimeMs);
        if (responseType == "ACK")
        {
            w.WriteEndObject();
            return;
        }
        Amounts(w, o);
        w.WriteNumber("workingTime", o.WorkingTimeMs);
        w.WriteString("selfTradePreventionMode", "NONE");
        if (responseType == "RESULT")
        {
            w.WriteEndObject();
            return;
        }
        w.WriteStartArray("fills");
        foreach (var t in o.Trades)
        {
            w.WriteStartObject();
            w.WriteString("price", BinanceDecimal.Format(t.Price));
            w.WriteString("qty", BinanceDecimal.Format(t.Quantity));
            w.WriteString("commission", BinanceDecimal.Format(t.Commission));
            w.WriteString("commissionAsset", t.CommissionAsset);
            w.WriteNumber("tradeId", t.TradeId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>GET /api/v3/order.</summary>
    public static byte[] Query(SimulatedOrder o) => SimulatorJson.Write(w => QueryObject(w, o, openOrdersOrder: false));

    /// <summary>GET /api/v3/openOrders (its example lists origQuoteOrderQty before workingTime).</summary>
    public static byte[] OpenOrders(IEnumerable<SimulatedOrder> orders) => SimulatorJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var o in orders) QueryObject(w, o, openOrdersOrder: true);
        w.WriteEndArray();
    });

    /// <summary>DELETE /api/v3/order; DELETE /api/v3/openOrders answers an array of these.</summary>
    public static byte[] Cancel(IEnumerable<(SimulatedOrder Order, string CancelClientOrderId)> cancelled, bool asArray) => SimulatorJson.Write(w =>
    {
        if (asArray) w.WriteStartArray();
        foreach (var (o, cancelId) in cancelled) CancelObject(w, o, cancelId);
        if (asArray) w.WriteEndArray();
    });

    /// <summary>One cancel answer; a cancelled order list's orderReports are these.</summary>
    internal static void CancelObject(Utf8JsonWriter w, SimulatedOrder o, string cancelClientOrderId)
    {
        w.WriteStartObject();
        w.WriteString("symbol", o.Symbol.Name);
        w.WriteString("origClientOrderId", o.ClientOrderId);
        w.WriteNumber("orderId", o.OrderId);
        w.WriteNumber("orderListId", o.OrderListId);
        w.WriteString("clientOrderId", cancelClientOrderId);
        w.WriteNumber("transactTime", o.UpdateTimeMs);
        Amounts(w, o);
        w.WriteString("selfTradePreventionMode", "NONE");
        w.WriteEndObject();
    }

    /// <summary>GET /api/v3/myTrades: the page of the given orders' trades, oldest first.</summary>
    internal static byte[] Trades(IEnumerable<SimulatedOrder> orders, TradePage page) => SimulatorJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var (o, t) in page.Apply(orders.SelectMany(o => o.Trades.Select(t => (o, t)))))
        {
            w.WriteStartObject();
            w.WriteString("symbol", o.Symbol.Name);
            w.WriteNumber("id", t.TradeId);
            w.WriteNumber("orderId", o.OrderId);
            w.WriteNumber("orderListId", -1);
            w.WriteString("price", BinanceDecimal.Format(t.Price));
            w.WriteString("qty", BinanceDecimal.Format(t.Quantity));
            w.WriteString("quoteQty", BinanceDecimal.Format(t.Price * t.Quantity));
            w.WriteString("commission", BinanceDecimal.Format(t.Commission));
            w.WriteString("commissionAsset", t.CommissionAsset);
            w.WriteNumber("time", t.TimeMs);
            w.WriteBoolean("isBuyer", o.Side == OrderSide.Buy);
            w.WriteBoolean("isMaker", t.IsMaker);
            w.WriteBoolean("isBestMatch", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static byte[] Account(IReadOnlyList<SimulatedBalance> balances, decimal commissionRate, long updateTimeMs) => SimulatorJson.Write(w =>
    {
        var bps = (int)(commissionRate * 10_000m);
        w.WriteStartObject();
        w.WriteNumber("makerCommission", bps);
        w.WriteNumber("takerCommission", bps);
        w.WriteNumber("buyerCommission", 0);
        w.WriteNumber("sellerCommission", 0);
        w.WriteStartObject("commissionRates");
        w.WriteString("maker", BinanceDecimal.Format(commissionRate));
        w.WriteString("taker", BinanceDecimal.Format(commissionRate));
        w.WriteString("buyer", BinanceDecimal.Format(0m));
        w.WriteString("seller", BinanceDecimal.Format(0m));
        w.WriteEndObject();
        foreach (var flag in (string[])["canTrade", "canWithdraw", "canDeposit"]) w.WriteBoolean(flag, true);
        foreach (var flag in (string[])["brokered", "requireSelfTradePrevention", "preventSor"]) w.WriteBoolean(flag, false);
        w.WriteNumber("updateTime", updateTimeMs);
        w.WriteString("accountType", "SPOT");
        w.WriteStartArray("balances");
        foreach (var b in balances)
        {
            w.WriteStartObject();
            w.WriteString("asset", b.Asset);
            w.WriteString("free", BinanceDecimal.Format(b.Free));
            w.WriteString("locked", BinanceDecimal.Format(b.Locked));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("permissions");
        w.WriteStringValue("SPOT");
        w.WriteEndArray();
        w.WriteNumber("uid", 1);
        w.WriteEndObject();
    });

    private static void QueryObject(Utf8JsonWriter w, SimulatedOrder o, bool openOrdersOrder)
    {
        w.WriteStartObject();
        Head(w, o, o.ClientOrderId);
        w.WriteString("price", BinanceDecimal.Format(o.Price));
        w.WriteString("origQty", BinanceDecimal.Format(o.Quantity));
        w.WriteString("executedQty", BinanceDecimal.Format(o.ExecutedQuantity));
        w.WriteString("cummulativeQuoteQty", BinanceDecimal.Format(o.CumulativeQuote));
        w.WriteString("status", o.Status);
        w.WriteString("timeInForce", o.TimeInForce);
        w.WriteString("type", o.TypeName);
        w.WriteString("side", SideName(o));
        w.WriteString("stopPrice", BinanceDecimal.Format(o.StopPrice));
        w.WriteString("icebergQty", BinanceDecimal.Format(0m));
        w.WriteNumber("time", o.TimeMs);
        w.WriteNumber("updateTime", o.UpdateTimeMs);
        w.WriteBoolean("isWorking", o.IsWorking);
        if (openOrdersOrder) w.WriteString("origQuoteOrderQty", BinanceDecimal.Format(o.OrigQuoteOrderQty));
        w.WriteNumber("workingTime", o.WorkingTimeMs);
        if (!openOrdersOrder) w.WriteString("origQuoteOrderQty", BinanceDecimal.Format(o.OrigQuoteOrderQty));
        w.WriteString("selfTradePreventionMode", "NONE");
        w.WriteEndObject();
    }

    private static void Head(Utf8JsonWriter w, SimulatedOrder o, string clientOrderId)
    {
        w.WriteString("symbol", o.Symbol.Name);
        w.WriteNumber("orderId", o.OrderId);
        w.WriteNumber("orderListId", o.OrderListId);
        w.WriteString("clientOrderId", clientOrderId);
    }

    /// <summary>price … side, as in the RESULT/FULL and cancel answers.</summary>
    private static void Amounts(Utf8JsonWriter w, SimulatedOrder o)
    {
        w.WriteString("price", BinanceDecimal.Format(o.Price));
        w.WriteString("origQty", BinanceDecimal.Format(o.Quantity));
        w.WriteString("executedQty", BinanceDecimal.Format(o.ExecutedQuantity));
        w.WriteString("origQuoteOrderQty", BinanceDecimal.Format(o.OrigQuoteOrderQty));
        w.WriteString("cummulativeQuoteQty", BinanceDecimal.Format(o.CumulativeQuote));
        w.WriteString("status", o.Status);
        w.WriteString("timeInForce", o.TimeInForce);
        w.WriteString("type", o.TypeName);
        w.WriteString("side", SideName(o));
        if (o.StopPrice > 0) w.WriteString("stopPrice", BinanceDecimal.Format(o.StopPrice));
    }

    private static string SideName(SimulatedOrder o) => o.Side == OrderSide.Buy ? "BUY" : "SELL";
}
