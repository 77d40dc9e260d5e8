using System.Text.Json;

namespace Trading.Binance.Simulator.Matching;

/// <summary>The REST answers of the order-list endpoints (POST /api/v3/orderList/oco, DELETE /api/v3/orderList, GET …/openOrderList).</summary>
public static class OrderListJson
{
    /// <summary>A placed list: its orders and their placement reports in <paramref name="responseType"/>.</summary>
    public static byte[] Placed(SimulatedOrderList list, string responseType) => SimulatorJson.Write(w =>
        Write(w, list, () => { foreach (var o in list.Orders) OrderResponseJson.PlacementObject(w, o, responseType); }));

    /// <summary>A cancelled list: its orders and their cancel reports.</summary>
    public static byte[] Cancelled(SimulatedOrderList list) => SimulatorJson.Write(w =>
        Write(w, list, () => { foreach (var o in list.Orders) OrderResponseJson.CancelObject(w, o, o.CancelClientOrderId ?? o.ClientOrderId); }));

    /// <summary>GET /api/v3/orderList (one) and GET /api/v3/openOrderList (an array): the lists without reports.</summary>
    public static byte[] Lists(IEnumerable<SimulatedOrderList> lists, bool asArray) => SimulatorJson.Write(w =>
    {
        if (asArray) w.WriteStartArray();
        foreach (var list in lists) Write(w, list, reports: null);
        if (asArray) w.WriteEndArray();
    });

    private static void Write(Utf8JsonWriter w, SimulatedOrderList list, Action? reports)
    {
        w.WriteStartObject();
        w.WriteNumber("orderListId", list.OrderListId);
        w.WriteString("contingencyType", list.ContingencyType);
        w.WriteString("listStatusType", list.ListStatusType);
        w.WriteString("listOrderStatus", list.ListOrderStatus);
        w.WriteString("listClientOrderId", list.ListClientOrderId);
        w.WriteNumber("transactionTime", list.TransactionTimeMs);
        w.WriteString("symbol", list.Symbol.Name);
        w.WriteStartArray("orders");
        foreach (var o in list.Orders)
        {
            w.WriteStartObject();
            w.WriteString("symbol", o.Symbol.Name);
            w.WriteNumber("orderId", o.OrderId);
            w.WriteString("clientOrderId", o.ClientOrderId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (reports is not null)
        {
            w.WriteStartArray("orderReports");
            reports();
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
