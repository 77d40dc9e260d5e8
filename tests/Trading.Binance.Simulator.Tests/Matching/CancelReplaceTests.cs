using System.Text.Json;
using Shouldly;
using Trading.TestInfrastructure.Binance;

namespace Trading.Binance.Simulator.Tests.Matching;

/// <summary>POST /api/v3/order/cancelReplace: both modes, the combined answer, and -2021 / -2022 with their data.</summary>
public sealed class CancelReplaceTests
{
    private const string Path = "/api/v3/order/cancelReplace";
    private const string Resting = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=40000&newClientOrderId=e1";
    private const string Replace = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=40500&newClientOrderId=e2"
        + "&cancelOrigClientOrderId=e1&cancelNewClientOrderId=c1";

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;

    private static async Task<TradingHarness> RestingAsync()
    {
        var h = await TradingHarness.StartAsync();
        (await h.SendSignedAsync(HttpMethod.Post, "/api/v3/order", Resting)).Status.ShouldBe(200);
        return h;
    }

    [Fact]
    public async Task CancelReplace_StopOnFailureBothSucceed_OldCanceledNewRestsAndOnlyItLocks()
    {
        await using var h = await RestingAsync();

        var answer = await h.SendSignedAsync(HttpMethod.Post, Path, Replace + "&cancelReplaceMode=STOP_ON_FAILURE");

        answer.Status.ShouldBe(200, answer.Body);
        var body = Json(answer.Body);
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["cancelResult", "newOrderResult", "cancelResponse", "newOrderResponse"]);
        body.GetProperty("cancelResult").GetString().ShouldBe("SUCCESS");
        body.GetProperty("newOrderResult").GetString().ShouldBe("SUCCESS");
        body.GetProperty("cancelResponse").GetProperty("origClientOrderId").GetString().ShouldBe("e1");
        body.GetProperty("cancelResponse").GetProperty("clientOrderId").GetString().ShouldBe("c1");
        body.GetProperty("cancelResponse").GetProperty("status").GetString().ShouldBe("CANCELED");
        body.GetProperty("newOrderResponse").GetProperty("clientOrderId").GetString().ShouldBe("e2");
        body.GetProperty("newOrderResponse").GetProperty("price").GetString().ShouldBe("40500.00000000");
        body.GetProperty("newOrderResponse").GetProperty("fills").GetArrayLength().ShouldBe(0);
        h.Exchange.OrdersWithClientId("e1").Single().Status.ShouldBe("CANCELED");
        h.Exchange.OrdersWithClientId("e2").Single().Status.ShouldBe("NEW");
        h.Exchange.Balance("USDT").Locked.ShouldBe(405m);
    }

    [Fact]
    public async Task CancelReplace_StopOnFailureUnknownOrder_Minus2022NewOrderNotAttempted()
    {
        await using var h = await RestingAsync();

        var answer = await h.SendSignedAsync(HttpMethod.Post, Path,
            Replace.Replace("cancelOrigClientOrderId=e1", "cancelOrigClientOrderId=nope", StringComparison.Ordinal) + "&cancelReplaceMode=STOP_ON_FAILURE");

        answer.Status.ShouldBe(400, answer.Body);
        var body = Json(answer.Body);
        body.GetProperty("code").GetInt32().ShouldBe(-2022);
        body.GetProperty("msg").GetString().ShouldBe("Order cancel-replace failed.");
        var data = body.GetProperty("data");
        data.GetProperty("cancelResult").GetString().ShouldBe("FAILURE");
        data.GetProperty("newOrderResult").GetString().ShouldBe("NOT_ATTEMPTED");
        data.GetProperty("cancelResponse").GetProperty("code").GetInt32().ShouldBe(-2011);
        data.GetProperty("cancelResponse").GetProperty("msg").GetString().ShouldBe("Unknown order sent.");
        data.GetProperty("newOrderResponse").ValueKind.ShouldBe(JsonValueKind.Null);
        h.Exchange.OrdersWithClientId("e2").ShouldBeEmpty();
        h.Exchange.OrdersWithClientId("e1").Single().Status.ShouldBe("NEW");
    }

    [Fact]
    public async Task CancelReplace_NewOrderWouldTake_Minus2021CancelStands()
    {
        await using var h = await RestingAsync();
        var taking = Replace.Replace("type=LIMIT&timeInForce=GTC", "type=LIMIT_MAKER", StringComparison.Ordinal)
            .Replace("price=40500", $"price={h.HistoryClose + 500m}", StringComparison.Ordinal);

        var answer = await h.SendSignedAsync(HttpMethod.Post, Path, taking + "&cancelReplaceMode=STOP_ON_FAILURE");

        answer.Status.ShouldBe(409, answer.Body);
        var body = Json(answer.Body);
        body.GetProperty("code").GetInt32().ShouldBe(-2021);
        body.GetProperty("msg").GetString().ShouldBe("Order cancel-replace partially failed.");
        var data = body.GetProperty("data");
        data.GetProperty("cancelResult").GetString().ShouldBe("SUCCESS");
        data.GetProperty("newOrderResult").GetString().ShouldBe("FAILURE");
        data.GetProperty("cancelResponse").GetProperty("status").GetString().ShouldBe("CANCELED");
        data.GetProperty("newOrderResponse").GetProperty("code").GetInt32().ShouldBe(-2010);
        data.GetProperty("newOrderResponse").GetProperty("msg").GetString().ShouldBe("Order would immediately match and take.");
        h.Exchange.OrdersWithClientId("e1").Single().Status.ShouldBe("CANCELED");
        h.Exchange.OrdersWithClientId("e2").ShouldBeEmpty();
        h.Exchange.Balance("USDT").Locked.ShouldBe(0m);
    }

    [Fact]
    public async Task CancelReplace_AllowFailureUnknownOrder_Minus2021NewOrderPlaced()
    {
        await using var h = await RestingAsync();

        var answer = await h.SendSignedAsync(HttpMethod.Post, Path,
            Replace.Replace("cancelOrigClientOrderId=e1", "cancelOrderId=999", StringComparison.Ordinal) + "&cancelReplaceMode=ALLOW_FAILURE");

        answer.Status.ShouldBe(409, answer.Body);
        var data = Json(answer.Body).GetProperty("data");
        Json(answer.Body).GetProperty("code").GetInt32().ShouldBe(-2021);
        data.GetProperty("cancelResult").GetString().ShouldBe("FAILURE");
        data.GetProperty("newOrderResult").GetString().ShouldBe("SUCCESS");
        data.GetProperty("newOrderResponse").GetProperty("clientOrderId").GetString().ShouldBe("e2");
        h.Exchange.OrdersWithClientId("e1").Single().Status.ShouldBe("NEW");
        h.Exchange.OrdersWithClientId("e2").Single().Status.ShouldBe("NEW");
    }

    [Fact]
    public async Task CancelReplace_AllowFailureBothFail_Minus2022WithBothErrors()
    {
        await using var h = await RestingAsync();
        var bad = Replace.Replace("cancelOrigClientOrderId=e1", "cancelOrigClientOrderId=nope", StringComparison.Ordinal)
            .Replace("quantity=0.01", "quantity=5", StringComparison.Ordinal);

        var answer = await h.SendSignedAsync(HttpMethod.Post, Path, bad + "&cancelReplaceMode=ALLOW_FAILURE");

        answer.Status.ShouldBe(400, answer.Body);
        var data = Json(answer.Body).GetProperty("data");
        Json(answer.Body).GetProperty("code").GetInt32().ShouldBe(-2022);
        data.GetProperty("newOrderResult").GetString().ShouldBe("FAILURE");
        data.GetProperty("newOrderResponse").GetProperty("msg").GetString().ShouldBe("Account has insufficient balance for requested action.");
        h.Exchange.OrdersWithClientId("e1").Single().Status.ShouldBe("NEW");
    }

    [Theory]
    [InlineData("&cancelReplaceMode=STOP_ON_FAILURE", "price=40500", "price=40500.001", -1013)]
    [InlineData("", "", "", -1102)]
    [InlineData("&cancelReplaceMode=MAYBE", "", "", -1100)]
    [InlineData("&cancelReplaceMode=STOP_ON_FAILURE", "&cancelOrigClientOrderId=e1", "", -1102)]
    public async Task CancelReplace_BadRequest_PlainErrorAndNothingChanges(string mode, string replace, string with, int code)
    {
        await using var h = await RestingAsync();
        var parameters = (replace.Length > 0 ? Replace.Replace(replace, with, StringComparison.Ordinal) : Replace) + mode;

        var answer = await h.SendSignedAsync(HttpMethod.Post, Path, parameters);

        answer.Status.ShouldBe(400, answer.Body);
        Json(answer.Body).GetProperty("code").GetInt32().ShouldBe(code, answer.Body);
        Json(answer.Body).TryGetProperty("data", out _).ShouldBeFalse();
        h.Exchange.OrdersWithClientId("e1").Single().Status.ShouldBe("NEW");
        h.Exchange.OrdersWithClientId("e2").ShouldBeEmpty();
    }
}
