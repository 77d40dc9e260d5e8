using System.Text.Json;

namespace Trading.Binance.Simulator.Matching;

/// <summary>
/// The answers of POST /api/v3/order/cancelReplace (rest-api.md): on success the cancel and the placement side by side;
/// otherwise -2021 (partly failed) or -2022 (failed) with the same object under "data", each failed half as {code, msg}.
/// </summary>
internal static class CancelReplaceJson
{
    public static byte[] Answer(CancelReplaceResult result, string cancelClientOrderId, string responseType) => SimulatorJson.Write(w =>
    {
        if (result.Succeeded)
        {
            Data(w, result, cancelClientOrderId, responseType);
            return;
        }
        w.WriteStartObject();
        w.WriteNumber("code", result.Failure.Code);
        w.WriteString("msg", result.Failure.Message);
        w.WritePropertyName("data");
        Data(w, result, cancelClientOrderId, responseType);
        w.WriteEndObject();
    });

    private static void Data(Utf8JsonWriter w, CancelReplaceResult result, string cancelClientOrderId, string responseType)
    {
        w.WriteStartObject();
        w.WriteString("cancelResult", result.Cancelled is null ? "FAILURE" : "SUCCESS");
        w.WriteString("newOrderResult", result.Placed is not null ? "SUCCESS" : result.NewOrderAttempted ? "FAILURE" : "NOT_ATTEMPTED");
        w.WritePropertyName("cancelResponse");
        if (result.Cancelled is { } cancelled) OrderResponseJson.CancelObject(w, cancelled, cancelClientOrderId);
        else ErrorObject(w, result.CancelError!);
        w.WritePropertyName("newOrderResponse");
        if (result.Placed is { } placed) OrderResponseJson.PlacementObject(w, placed, responseType);
        else if (result.PlaceError is { } error) ErrorObject(w, error);
        else w.WriteNullValue();
        w.WriteEndObject();
    }

    private static void ErrorObject(Utf8JsonWriter w, SimulatorRejection rejection)
    {
        w.WriteStartObject();
        w.WriteNumber("code", rejection.Code);
        w.WriteString("msg", rejection.Message);
        w.WriteEndObject();
    }
}
