using System.Text.Json;
using Trading.Binance.Errors;
using Trading.Binance.Orders;
using Trading.Core.Model;

namespace Trading.Binance.UserData;

/// <summary>One WebSocket API frame: a request's answer, or a wrapped user-data event.</summary>
internal abstract record UserDataFrame;

internal sealed record ApiAnswer(string? Id, int Status, long? SubscriptionId, int ErrorCode, string? ErrorMessage) : UserDataFrame;

internal sealed record StreamEvent(UserDataUpdate Update) : UserDataFrame;

internal sealed record StreamTerminated(long EventTimeMs) : UserDataFrame;

internal sealed record IgnoredFrame : UserDataFrame;

/// <summary>Reads WebSocket API frames; event payloads as in examples/execution-report.json and friends.</summary>
internal static class UserDataFrameParser
{
    public static UserDataFrame Parse(ReadOnlySpan<byte> utf8, long nowMs)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.TryGetProperty("event", out var e)) return ReadEvent(e);
            if (root.TryGetProperty("status", out var status)) return ReadAnswer(root, status.GetInt32());
            return new IgnoredFrame();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException or BinanceMalformedResponseException or ArgumentException)
        {
            return new StreamEvent(new UserDataMalformed(nowMs, $"Malformed user-data frame: {ex.Message}"));
        }
    }

    private static ApiAnswer ReadAnswer(JsonElement root, int status)
    {
        var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : idElement.ToString();
        long? subscriptionId = root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
            && result.TryGetProperty("subscriptionId", out var sub) ? sub.GetInt64() : null;
        if (root.TryGetProperty("error", out var error))
            return new ApiAnswer(id, status, null, error.GetProperty("code").GetInt32(), error.GetProperty("msg").GetString());
        return new ApiAnswer(id, status, subscriptionId, 0, null);
    }

    private static UserDataFrame ReadEvent(JsonElement e)
    {
        var time = e.GetProperty("E").GetInt64();
        return BinanceOrderJson.String(e, "e") switch
        {
            "executionReport" => new StreamEvent(ReadExecutionReport(e, time)),
            "outboundAccountPosition" => new StreamEvent(new AccountPositionUpdate(time, e.GetProperty("u").GetInt64(),
                e.GetProperty("B").EnumerateArray().Select(b => new AssetBalance(
                    BinanceOrderJson.String(b, "a"), BinanceOrderJson.Decimal(b, "f"), BinanceOrderJson.Decimal(b, "l"))).ToList())),
            "balanceUpdate" => new StreamEvent(new BalanceDelta(time, BinanceOrderJson.String(e, "a"), BinanceOrderJson.Decimal(e, "d"), e.GetProperty("T").GetInt64())),
            "eventStreamTerminated" => new StreamTerminated(time),
            _ => new IgnoredFrame(),
        };
    }

    private static OrderUpdate ReadExecutionReport(JsonElement e, long time)
    {
        var executionType = BinanceOrderJson.String(e, "x");
        var original = BinanceOrderJson.String(e, "C");
        var own = BinanceOrderJson.String(e, "c");
        var type = BinanceOrderJson.ParseType(BinanceOrderJson.String(e, "o"));
        var price = BinanceOrderJson.Decimal(e, "p");
        ExchangeFill? fill = executionType == "TRADE"
            ? new ExchangeFill(e.GetProperty("t").GetInt64(), BinanceOrderJson.Decimal(e, "L"), BinanceOrderJson.Decimal(e, "l"),
                BinanceOrderJson.Decimal(e, "n"), e.GetProperty("N").GetString() ?? "", e.GetProperty("m").GetBoolean())
            : null;
        var reject = BinanceOrderJson.String(e, "r");
        return new OrderUpdate(
            time,
            Symbol.Parse(BinanceOrderJson.String(e, "s")),
            e.GetProperty("i").GetInt64(),
            original.Length > 0 ? original : own,
            original.Length > 0 ? own : null,
            BinanceOrderJson.ParseSide(BinanceOrderJson.String(e, "S")),
            type,
            executionType,
            BinanceOrderJson.ParseStatus(BinanceOrderJson.String(e, "X")),
            type == OrderType.Market || price == 0m ? null : price,
            BinanceOrderJson.Decimal(e, "q"),
            BinanceOrderJson.Decimal(e, "z"),
            BinanceOrderJson.Decimal(e, "Z"),
            fill,
            reject == "NONE" ? null : reject,
            e.GetProperty("T").GetInt64());
    }
}
