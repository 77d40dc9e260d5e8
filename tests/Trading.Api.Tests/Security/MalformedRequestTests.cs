using System.Net;
using System.Text.Json;
using Shouldly;

namespace Trading.Api.Tests.Security;

/// <summary>A body that is not JSON, or JSON of the wrong shape, or values out of range: 400 problem+json, and nothing changes.</summary>
public sealed class MalformedRequestTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> MalformedBodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in EndpointCatalog.PostPaths)
        {
            data.Add(path, "{not json");
            data.Add(path, """{"quantity": "lots", "symbols": 7, "reason": 3, "from": "yesterday"}""");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Post_MalformedBody_400ProblemJson(string path, string body)
    {
        using var client = server.Client();

        using var response = await client.SendAsync(EndpointCatalog.Request("POST", path, body), Ct);

        await ShouldBeBadRequestAsync(response);
    }

    [Theory]
    [InlineData("/orders", """{"symbol":"BTCUSDT","side":"BUY","quantity":-1}""", "quantity must be positive")]
    [InlineData("/orders", """{"symbol":"BTC/USDT","side":"BUY","quantity":1}""", "symbol must be")]
    [InlineData("/orders", """{"symbol":"BTCUSDT","side":"HOLD","quantity":1}""", "side must be BUY or SELL")]
    [InlineData("/bots", """{"strategy":"nosuch","symbols":["BTCUSDT"]}""", "nosuch")]
    [InlineData("/bots", """{"strategy":"rsi","symbols":["BTCUSDT"],"id":"bad id\n"}""", "invalid")]
    [InlineData("/backtests", """{"strategy":"rsi","symbol":"BTCUSDT","from":"2024-02-01T00:00:00Z","to":"2024-01-01T00:00:00Z"}""", "must be before")]
    public async Task Post_InvalidValues_400WithTheReason(string path, string body, string reason)
    {
        using var client = server.Client();

        using var response = await client.SendAsync(EndpointCatalog.Request("POST", path, body), Ct);

        var detail = await ShouldBeBadRequestAsync(response);
        detail.ShouldContain(reason);
        (await server.Store.Orders.ListAsync(ct: Ct)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/portfolio/history?days=0")]
    [InlineData("/orders?status=sideways")]
    [InlineData("/candles?symbol=BTCUSDT&timeframe=7x")]
    [InlineData("/trades?limit=100000")]
    [InlineData("/bots/bad%20id")]
    public async Task Request_BadQuery_400ProblemJson(string path)
    {
        using var client = server.Client();

        using var response = await client.SendAsync(EndpointCatalog.Request(path.StartsWith("/bots/", StringComparison.Ordinal) ? "DELETE" : "GET", path, null), Ct);

        await ShouldBeBadRequestAsync(response);
    }

    private static async Task<string> ShouldBeBadRequestAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(400);
        var detail = problem.RootElement.GetProperty("detail").GetString();
        detail.ShouldNotBeNullOrWhiteSpace();
        return detail;
    }
}
