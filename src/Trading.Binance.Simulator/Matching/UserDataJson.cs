using System.Text.Json;
using Trading.Binance.Json;
using Trading.Core.Model;

namespace Trading.Binance.Simulator.Matching;

/// <summary>User-data events in Binance's field order (see examples/execution-report.json etc.), and their wrapper.</summary>
public static class UserDataJson
{
    public static byte[] ExecutionReport(SimulatedOrder o, string executionType, SimulatedTrade? trade, long eventTimeMs, string? cancelClientOrderId = null) =>
        SimulatorJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("e", "executionReport");
            w.WriteNumber("E", eventTimeMs);
            w.WriteString("s", o.Symbol.Name);
            w.WriteString("c", cancelClientOrderId ?? o.ClientOrderId);
            w.WriteString("S", o.Side == OrderSide.Buy ? "BUY" : "SELL");
            w.WriteString("o", o.TypeName);
            w.WriteString("f", o.TimeInForce);
            w.WriteString("q", BinanceDecimal.Format(o.Quantity));
            w.WriteString("p", BinanceDecimal.Format(o.Price));
            w.WriteString("P", BinanceDecimal.Format(o.StopPrice));
            w.WriteString("F", BinanceDecimal.Format(0m));
            w.WriteNumber("g", o.OrderListId);
            w.WriteString("C", cancelClientOrderId is null ? "" : o.ClientOrderId);
            w.WriteString("x", executionType);
            w.WriteString("X", o.Status);
            w.WriteString("r", "NONE");
            w.WriteNumber("i", o.OrderId);
            w.WriteString("l", BinanceDecimal.Format(trade?.Quantity ?? 0m));
            w.WriteString("z", BinanceDecimal.Format(o.ExecutedQuantity));
            w.WriteString("L", BinanceDecimal.Format(trade?.Price ?? 0m));
            w.WriteString("n", BinanceDecimal.Format(trade?.Commission ?? 0m));
            if (trade is null) w.WriteNull("N"); else w.WriteString("N", trade.CommissionAsset);
            w.WriteNumber("T", trade?.TimeMs ?? o.UpdateTimeMs);
            w.WriteNumber("t", trade?.TradeId ?? -1);
            w.WriteNumber("v", 0);
            w.WriteNumber("I", o.OrderId * 10 + o.Trades.Count);
            w.WriteBoolean("w", o.IsWorking && o.IsOpen && o.Trades.Count == 0);
            w.WriteBoolean("m", trade?.IsMaker ?? false);
            w.WriteBoolean("M", false);
            w.WriteNumber("O", o.TimeMs);
            w.WriteString("Z", BinanceDecimal.Format(o.CumulativeQuote));
            w.WriteString("Y", BinanceDecimal.Format(trade is null ? 0m : trade.Price * trade.Quantity));
            w.WriteString("Q", BinanceDecimal.Format(0m));
            w.WriteNumber("W", o.WorkingTimeMs);
            w.WriteString("V", "NONE");
            w.WriteEndObject();
        });

    /// <summary>listStatus: an order list was placed, or finished (a leg triggered or filled, or it was cancelled).</summary>
    public static byte[] ListStatus(SimulatedOrderList list, long eventTimeMs) => SimulatorJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", "listStatus");
        w.WriteNumber("E", eventTimeMs);
        w.WriteString("s", list.Symbol.Name);
        w.WriteNumber("g", list.OrderListId);
        w.WriteString("c", list.ContingencyType);
        w.WriteString("l", list.ListStatusType);
        w.WriteString("L", list.ListOrderStatus);
        w.WriteString("r", "NONE");
        w.WriteString("C", list.ListClientOrderId);
        w.WriteNumber("T", eventTimeMs);
        w.WriteStartArray("O");
        foreach (var o in list.Orders)
        {
            w.WriteStartObject();
            w.WriteString("s", o.Symbol.Name);
            w.WriteNumber("i", o.OrderId);
            w.WriteString("c", o.ClientOrderId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] AccountPosition(IEnumerable<SimulatedBalance> balances, long eventTimeMs, long updateTimeMs) => SimulatorJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", "outboundAccountPosition");
        w.WriteNumber("E", eventTimeMs);
        w.WriteNumber("u", updateTimeMs);
        w.WriteStartArray("B");
        foreach (var b in balances)
        {
            w.WriteStartObject();
            w.WriteString("a", b.Asset);
            w.WriteString("f", BinanceDecimal.Format(b.Free));
            w.WriteString("l", BinanceDecimal.Format(b.Locked));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] BalanceUpdate(string asset, decimal delta, long eventTimeMs) => SimulatorJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", "balanceUpdate");
        w.WriteNumber("E", eventTimeMs);
        w.WriteString("a", asset);
        w.WriteString("d", BinanceDecimal.Format(delta));
        w.WriteNumber("T", eventTimeMs);
        w.WriteEndObject();
    });

    public static byte[] StreamTerminated(long eventTimeMs) => SimulatorJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", "eventStreamTerminated");
        w.WriteNumber("E", eventTimeMs);
        w.WriteEndObject();
    });

    /// <summary>{"subscriptionId":N,"event":{...}}.</summary>
    public static byte[] Wrap(long subscriptionId, byte[] eventJson) => SimulatorJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("subscriptionId", subscriptionId);
        w.WritePropertyName("event");
        w.WriteRawValue(eventJson, skipInputValidation: true);
        w.WriteEndObject();
    });
}
